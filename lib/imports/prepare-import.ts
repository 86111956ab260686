import 'server-only';
// Checks every row of an import against the tenant: who may own its leads (by email) and the phones
// and emails its leads hold now (search terms, exact normalised match).
import type { Db } from '@/lib/db/client';
import type { Region } from '@/lib/leads/contact';
import { assignable, tenantUsers } from '@/lib/read/organisation/users';
import { currentHolders } from '@/lib/read/search-terms/contact-holders';
import { checkRows, contactKeysOf, type RowCheck } from './check-rows';
import { importIdFor, rowLeadId } from './import-ids';
import type { ImportRecord } from './mapping';

export type PreparedImport = { readonly importId: string; readonly checks: readonly RowCheck[] };

export async function prepareImport(
  db: Db,
  tenant: { tenantId: string; region: Region },
  records: readonly ImportRecord[],
  now = new Date(),
): Promise<PreparedImport> {
  const importId = importIdFor(tenant.tenantId, records);
  const [users, existing] = await Promise.all([tenantUsers(db, tenant.tenantId), currentHolders(db, tenant.tenantId, contactKeysOf(records, tenant.region))]);
  const owners = new Map(assignable(users).map((user) => [user.email.toLowerCase(), user.id]));
  const others = new Set(users.map((user) => user.email.toLowerCase()).filter((email) => !owners.has(email)));
  const checks = checkRows(records, { region: tenant.region, now, owners, cannotOwn: others, existing, leadIdFor: (index) => rowLeadId(importId, index) });
  return { importId, checks };
}
