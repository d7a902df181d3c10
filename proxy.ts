import type { NextRequest } from 'next/server';
import { guardRequest } from '@/lib/server/auth/request-guard';

export function proxy(request: NextRequest): Promise<Response> {
  return guardRequest(request);
}

/** Everything but hashed build assets and the image optimizer, neither of which renders a page. */
export const config = {
  matcher: ['/((?!_next/static/|_next/image).*)'],
};
