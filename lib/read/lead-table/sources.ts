import 'server-only';
import type { Db } from '@/lib/db/client';

/** The distinct sources of a tenant's leads, one index probe each (a skip scan over leads(tenant_id, source)). */
export async function leadSources(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ source: string }[]>`
    WITH RECURSIVE found AS (
      (SELECT source FROM leads WHERE tenant_id = ${tenantId} ORDER BY source LIMIT 1)
      UNION ALL
      SELECT (SELECT l.source FROM leads l WHERE l.tenant_id = ${tenantId} AND l.source > found.source ORDER BY l.source LIMIT 1)
      FROM found WHERE found.source IS NOT NULL
    )
    SELECT source FROM found WHERE source IS NOT NULL`;
  return rows.map((row) => row.source);
}

/** How many of the tenant's leads are in each status, most first. */
export async function statusCounts(db: Db, tenantId: string): Promise<{ status: string; count: number }[]> {
  const rows = await db.$queryRaw<{ status: string; count: bigint }[]>`
    SELECT status, count(*) AS count FROM leads WHERE tenant_id = ${tenantId} AND merged_into IS NULL GROUP BY 1 ORDER BY 2 DESC`;
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

/** The current names of these leads of the tenant. */
export async function leadNames(db: Db, tenantId: string, leadIds: readonly string[]): Promise<Map<string, string>> {
  const leads = await db.leadView.findMany({ where: { tenantId, leadId: { in: [...new Set(leadIds)] } }, select: { leadId: true, name: true } });
  return new Map(leads.map((lead) => [lead.leadId, lead.name]));
}
