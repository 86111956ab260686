// What the agent and source filters offer: the tenant's users who work leads, and its leads' sources.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { assignableOwners } from '@/lib/read/lead-detail';
import type { FilterOptions } from './filters';

export async function analyticsFilterOptions(db: Db, tenantId: string): Promise<FilterOptions> {
  const [agents, sources] = await Promise.all([assignableOwners(db, tenantId), leadSources(db, tenantId)]);
  return { agents, sources };
}

/** The distinct sources, one index probe each (a skip scan over leads(tenant_id, source)). */
async function leadSources(db: Db, tenantId: string): Promise<string[]> {
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
