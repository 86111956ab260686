import 'server-only';
import { db } from '@/lib/db';

export type RecentEvent = { position: string; leadId: string; type: string; actor: string | null; occurredAt: string };

export type Overview = {
  tenantName: string;
  leadCount: number;
  eventCount: number;
  statusCounts: { status: string; count: number }[];
  recent: RecentEvent[];
};

/** What the home page shows of a tenant: how many leads and events, and the latest activity. */
export async function getOverview(tenantId: string): Promise<Overview | null> {
  const tenant = await db().tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) return null;
  const [leadCount, eventCount, statusRows, recentRows] = await Promise.all([
    db().stream.count({ where: { tenantId, streamType: 'lead' } }),
    db().event.count({ where: { tenantId } }),
    db().$queryRaw<{ status: string; count: bigint }[]>`
      SELECT status, count(*) AS count FROM leads WHERE tenant_id = ${tenantId} GROUP BY 1 ORDER BY 2 DESC`,
    db().event.findMany({ where: { tenantId }, orderBy: [{ occurredAt: 'desc' }, { position: 'desc' }], take: 15 }),
  ]);
  return {
    tenantName: tenant.name,
    leadCount,
    eventCount,
    statusCounts: statusRows.map((row) => ({ status: row.status, count: Number(row.count) })),
    recent: recentRows.map((row) => ({
      position: row.position.toString(),
      leadId: row.streamId,
      type: row.type,
      actor: (row.metadata as { actor?: string }).actor ?? null,
      occurredAt: row.occurredAt.toISOString(),
    })),
  };
}
