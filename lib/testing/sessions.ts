// Real sessions for integration tests: a user of a tenant created as an admin creates one, logged
// in through better-auth, and the cookie header a browser would send. Route handlers behind the
// gate are then called exactly as Next calls them.
import { randomUUID } from 'node:crypto';
import type { Role } from '@/lib/auth/roles';
import { auth } from '@/lib/auth/auth';
import { createUser } from '@/lib/auth/users';
import type { Db } from '@/lib/db/client';

const PASSWORD = 'integration-test-password';

export type TestSession = { readonly userId: string; readonly tenantId: string; readonly role: Role; readonly cookie: string };

export async function loggedIn(db: Db, tenantId: string, role: Role): Promise<TestSession> {
  const userId = `${role}-${randomUUID()}`;
  const email = `${userId}@leadstream.test`;
  await createUser(db, tenantId, { name: `Test ${role}`, email, password: PASSWORD, role }, { id: userId });
  const response = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
  if (!response.ok) throw new Error(`Could not log in ${email}: ${response.status}`);
  const cookie = response.headers.getSetCookie().map((setCookie) => setCookie.split(';')[0]).join('; ');
  return { userId, tenantId, role, cookie };
}

/** A request as the browser of this session (or of nobody) sends it. */
export function requestAs(session: TestSession | null, url: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (session) headers.set('cookie', session.cookie);
  return new Request(new URL(url, 'http://leadstream.test'), { ...init, headers });
}

/** What Next passes a route handler besides the request. */
export const routeContext = <Params extends object>(params: Params = {} as Params) => ({ params: Promise.resolve(params) });
