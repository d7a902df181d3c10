import type { NextRequest } from 'next/server';
import { guardRequest } from '@/lib/server/auth/request-guard';

export function proxy(request: NextRequest): Promise<Response> {
  return guardRequest(request);
}

export const config = {
  matcher: ['/((?!_next/static/|_next/image|favicon.ico$|robots.txt$).*)'],
};
