import 'server-only';
import { db } from '@/lib/db';

/** User id to display name, for a tenant: events record ids, people read names. */
export async function userNames(tenantId: string): Promise<Map<string, string>> {
  const users = await db().user.findMany({ where: { tenantId }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}
