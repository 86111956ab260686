import 'server-only';
import { db } from '@/lib/db';

export type RecentEvent = { position: string; leadId: string; leadName: string; type: string; actor: string | null; occurredAt: string };

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
  const leads = await db().leadView.findMany({
    where: { tenantId, leadId: { in: [...new Set(recentRows.map((row) => row.streamId))] } },
    select: { leadId: true, name: true },
  });
  const leadNames = new Map(leads.map((lead) => [lead.leadId, lead.name]));
  const users = await db().user.findMany({ where: { tenantId }, select: { id: true, name: true } });
  const userNames = new Map(users.map((user) => [user.id, user.name]));
  return {
    tenantName: tenant.name,
    leadCount,
    eventCount,
    statusCounts: statusRows.map((row) => ({ status: row.status, count: Number(row.count) })),
    recent: recentRows.map((row) => ({
      position: row.position.toString(),
      leadId: row.streamId,
      leadName: leadNames.get(row.streamId) ?? 'Lead',
      type: row.type,
      actor: userName(userNames, (row.metadata as { actor?: string }).actor),
      occurredAt: row.occurredAt.toISOString(),
    })),
  };
}

function userName(names: Map<string, string>, id: string | undefined): string | null {
  return id ? (names.get(id) ?? id) : null;
}
