import 'server-only';
// The people of a tenant, and the API tokens that act for it: one query for each thing a screen
// asks about them, and one definition of who may own leads (a user whose role works leads).
import { can } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/client';
import { tokenActor } from '@/lib/gate/principal';

export type TenantUser = { readonly id: string; readonly name: string; readonly email: string; readonly role: string };
export type Person = { readonly id: string; readonly name: string };

/** Every user of the tenant, by name. */
export function tenantUsers(db: Db, tenantId: string): Promise<TenantUser[]> {
  return db.user.findMany({ where: { tenantId }, select: { id: true, name: true, email: true, role: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

/** Who a lead may be assigned to: the users whose role works leads. */
export const assignable = (users: readonly TenantUser[]): TenantUser[] => users.filter((user) => can(user.role, 'work-leads'));

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
