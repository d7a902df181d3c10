import 'server-only';
import { verifyAlb } from './alb-verifier';
import { authorize } from './allow-list';
import type { AuthEnv } from '@/lib/config/auth-settings';
import { verifyForwardedHeaders } from './header-verifier';
import type { Identity } from './identity';
import { verifyJwt } from './jwt-verifier';

/** The verified, allowed user of a request, or null when AUTH_MODE=none; throws AuthError to refuse. */
export async function authenticate(headers: Headers, env: AuthEnv): Promise<Identity | null> {
  switch (env.AUTH_MODE) {
    case 'none':
      return null;
    case 'jwt':
      return authorize(await verifyJwt(headers, env), env);
    case 'alb':
      return authorize(await verifyAlb(headers, env), env);
    case 'header':
      return authorize(verifyForwardedHeaders(headers, env), env);
  }
}
