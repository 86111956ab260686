import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from './auth';
import { can, type Capability, type CurrentUser, type Role } from './roles';

/** The logged-in user, or null. */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = session.user as typeof session.user & { tenantId: string; role: Role };
  return { id: user.id, name: user.name, email: user.email, tenantId: user.tenantId, role: user.role };
}

export class ForbiddenError extends Error {
  readonly kind = 'forbidden' as const;
}

/** For pages: the user, sent to the login page if there is none; a 403 if their role may not. */
export async function requirePageUser(capability?: Capability): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (capability && !can(user.role, capability)) {
    const { forbidden } = await import('next/navigation');
    forbidden();
  }
  return user;
}
