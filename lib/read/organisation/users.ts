// The people of a tenant, and the API tokens that act for it: one query for each thing a screen
// asks about them, and one definition of who may own leads (an active user whose role works leads).
// Deactivated users stay: their names still show wherever they acted.
import { can } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/client';
import { tokenActor } from '@/lib/gate/principal';
import { deactivatedUserIds } from '@/lib/read/event-log/staff-access';

export type TenantUser = {
  readonly id: string; readonly name: string; readonly email: string; readonly role: string;
  /** False once an admin has deactivated them (lib/staff). */
  readonly active: boolean;
};
export type Person = { readonly id: string; readonly name: string };

/** Every user of the tenant, by name, deactivated ones included. */
export async function tenantUsers(db: Db, tenantId: string): Promise<TenantUser[]> {
  const users = await db.user.findMany({ where: { tenantId }, select: { id: true, name: true, email: true, role: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  const deactivated = await deactivatedUserIds(db, tenantId, users.map((user) => user.id));
  return users.map((user) => ({ ...user, active: !deactivated.has(user.id) }));
}

/** Who a lead may be assigned to: the active users whose role works leads. */
export const assignable = (users: readonly TenantUser[]): TenantUser[] => users.filter((user) => user.active && can(user.role, 'work-leads'));

export async function assignableUsers(db: Db, tenantId: string): Promise<Person[]> {
  return assignable(await tenantUsers(db, tenantId)).map(({ id, name }) => ({ id, name }));
}

/**
 * Actor id to the name people read, for a tenant: events record ids (a user's, or `token:<id>` for
 * an API token such as a dialer's), people read names. Users by name, then tokens by name.
 */
export async function actorNames(db: Db, tenantId: string): Promise<Map<string, string>> {
  const [users, tokens] = await Promise.all([
    db.user.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    db.apiToken.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  ]);
  return new Map([
    ...users.map((user) => [user.id, user.name] as const),
    ...tokens.map((token) => [tokenActor(token.id), `${token.name} (API)`] as const),
  ]);
}
