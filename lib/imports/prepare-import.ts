// Checks every row of an import against the tenant: its users (owner emails) and the phones and
// emails its leads hold now (search_terms, exact normalised match).
import type { Db } from '@/lib/db/client';
import type { Region } from '@/lib/leads/contact';
import { checkRows, contactKey, contactKeysOf, type ExistingLead, type RowCheck } from './check-rows';
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
  const [owners, existing] = await Promise.all([tenantOwners(db, tenant.tenantId), existingLeads(db, tenant.tenantId, contactKeysOf(records, tenant.region))]);
  const checks = checkRows(records, { region: tenant.region, now, owners, existing, leadIdFor: (index) => rowLeadId(importId, index) });
  return { importId, checks };
}

async function tenantOwners(db: Db, tenantId: string): Promise<Map<string, string>> {
  const users = await db.user.findMany({ where: { tenantId }, select: { id: true, email: true } });
  return new Map(users.map((user) => [user.email.toLowerCase(), user.id]));
}

/** Contact key to the lead holding it now. One array parameter each: 10,000 rows exceed Postgres' bind limit otherwise. */
async function existingLeads(db: Db, tenantId: string, keys: readonly string[]): Promise<Map<string, ExistingLead>> {
  if (keys.length === 0) return new Map();
  const phones = keys.filter((key) => key.startsWith('phone:')).map((key) => key.slice('phone:'.length));
  const emails = keys.filter((key) => key.startsWith('email:')).map((key) => key.slice('email:'.length));
  const rows = await db.$queryRaw<{ kind: 'phone' | 'email'; normalized: string; lead_id: string; name: string }[]>`
    SELECT t.kind, t.normalized, t.lead_id, l.name
    FROM search_terms t JOIN leads l ON l.tenant_id = t.tenant_id AND l.lead_id = t.lead_id
    WHERE t.tenant_id = ${tenantId} AND t.current
      AND ((t.kind = 'phone' AND t.normalized = ANY(${phones}::text[])) OR (t.kind = 'email' AND t.normalized = ANY(${emails}::text[])))
    ORDER BY l.created_at`;
  const existing = new Map<string, ExistingLead>();
  for (const row of rows) {
    const key = contactKey(row.kind, row.normalized);
    if (!existing.has(key)) existing.set(key, { leadId: row.lead_id, name: row.name });
  }
  return existing;
}
