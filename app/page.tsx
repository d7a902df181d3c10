import { redirect } from 'next/navigation';
import { pagePath } from '@/lib/resources/derive';
import { home } from '@/lib/resources/registry';

export default function Home() {
  redirect(pagePath(home()));
}
