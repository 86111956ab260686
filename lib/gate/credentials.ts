import 'server-only';
// Who sent a request: the user of a valid session cookie, or the system holding a valid API token
// (`Authorization: Bearer lsk_…`). A session whose user has no tenant or no known role is refused,
// never read as "no filter"; so is a deactivated user's, at their very next request, and a token
// that expired or whose creator was deactivated.
import { z } from 'zod';
import { checkApiToken, type TokenCheck } from '@/lib/auth/api-tokens';
import { auth } from '@/lib/auth/auth';
import { ROLES } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { isUserDeactivated } from '@/lib/read/event-log/staff-access';
import type { Principal } from './principal';
import { noteReadAfter } from './reader';
import type { ActionError } from './result';

export type Refusal = { readonly error: ActionError; readonly headers?: Record<string, string> };

const sessionUser = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string(),
  tenantId: z.string().min(1),
  role: z.enum(ROLES),
});

const TOKEN_CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="leadstream"' };
export const DEACTIVATED = 'Your account has been deactivated: ask an administrator.';

function tokenRefusal(check: Exclude<TokenCheck, { ok: true }>): string {
  switch (check.reason) {
    case 'invalid':
      return 'This API token is not valid or has been revoked.';
    case 'expired':
      return `This API token expired at ${check.expiredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: ask an administrator for a new one.`;
    case 'creator-deactivated':
      return 'This API token no longer works: the person who created it has been deactivated. Ask an administrator for a new one.';
  }
}
const refuse = (kind: 'unauthenticated' | 'forbidden', message: string, headers?: Record<string, string>): Refusal => ({ error: { kind, message }, headers });

/** Which credentials an entry point takes: a session cookie (pages, actions, the app's own endpoints), an API token, or either. */
export type Credentials = 'session' | 'token' | 'session-or-token';

export async function identify(headers: Headers, credentials: Credentials): Promise<Principal | Refusal> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    if (credentials === 'session') return refuse('forbidden', 'This endpoint is for logged-in users: API tokens cannot use it.');
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!bearer) return refuse('unauthenticated', 'Send the API token as "Authorization: Bearer <token>".', TOKEN_CHALLENGE);
    const check = await checkApiToken(db(), bearer[1]!);
    if (!check.ok) return refuse('unauthenticated', tokenRefusal(check), TOKEN_CHALLENGE);
    const { token } = check;
    return { kind: 'token', id: token.id, name: token.name, tenantId: token.tenantId, scopes: token.scopes };
  }
  if (credentials === 'token') return refuse('unauthenticated', 'Send an API token as "Authorization: Bearer <token>".', TOKEN_CHALLENGE);
  const session = await auth.api.getSession({ headers });
  if (!session) {
    return refuse('unauthenticated', credentials === 'session-or-token' ? 'Log in, or send an API token as "Authorization: Bearer <token>".' : 'Your session has ended: log in again.');
  }
  const user = sessionUser.safeParse(session.user);
  if (!user.success) return refuse('forbidden', 'Your account belongs to no organisation or has no known role: ask an administrator.');
  if (await isUserDeactivated(db(), user.data.tenantId, user.data.id)) return refuse('unauthenticated', DEACTIVATED);
  const caller: Principal = { kind: 'user', ...user.data };
  noteReadAfter(caller, headers); // the browser's last commit point, for this request's reads
  return caller;
}

export const isRefusal = (value: Principal | Refusal): value is Refusal => 'error' in value;
