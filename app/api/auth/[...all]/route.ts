import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth';
import { withLoginLimits } from '@/lib/gate/login-limits';
import { publicRoute } from '@/lib/gate';

// better-auth's own handler (login, logout, the session), with logins limited per account and per
// client address (lib/gate/login-limits.ts).
const handlers = toNextJsHandler(auth);

export const GET = publicRoute(withLoginLimits(handlers.GET));
export const POST = publicRoute(withLoginLimits(handlers.POST));
