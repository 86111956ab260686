import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth';
import { publicRoute } from '@/lib/gate';
import { withLoginLimits } from '@/lib/gate/login-limits';
import { errorResponse } from '@/lib/gate/result';
import { BodyTooLargeError, bodyText, byteSize } from '@/lib/input/body';

// better-auth's own handler (login, logout, the session), with logins limited per account and per
// client address (lib/gate/login-limits.ts).
const handlers = toNextJsHandler(auth);
const limitedPost = withLoginLimits(handlers.POST);

// Logging in and out sends an email and a password at most; better-auth reads whatever it is sent.
const AUTH_BODY_LIMIT = 16 * 1024;

export const GET = publicRoute(withLoginLimits(handlers.GET));

/** better-auth's endpoints, given the body only once it is known to be at most 16 KB. */
export const POST = publicRoute(async (request) => {
  let body: string;
  try {
    body = await bodyText(request, AUTH_BODY_LIMIT);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return errorResponse({ kind: 'too-large', message: `At most ${byteSize(AUTH_BODY_LIMIT)} may be sent here; this request is larger.` });
  }
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return limitedPost(new Request(request.url, { method: 'POST', headers, body: body || undefined, signal: request.signal }));
});
