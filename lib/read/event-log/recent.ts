import 'server-only';
// The log's own figures for a tenant: how many leads and events, and the latest changes.
import type { Db } from '@/lib/db/client';
import { LEAD_STREAM_TYPE } from '@/lib/leads';

export type RecentEvent = { position: string; leadId: string; type: string; actor: string | null; occurredAt: string };

export async function logCounts(db: Db, tenantId: string): Promise<{ leads: number; events: number }> {
  const [leads, events] = await Promise.all([
    db.stream.count({ where: { tenantId, streamType: LEAD_STREAM_TYPE } }),
    db.event.count({ where: { tenantId } }),
  ]);
  return { leads, events };
}

/** The tenant's latest lead events, newest first. */
export async function recentLeadEvents(db: Db, tenantId: string, limit = 15): Promise<RecentEvent[]> {
  const rows = await db.event.findMany({
    where: { tenantId, streamType: LEAD_STREAM_TYPE },
    orderBy: [{ occurredAt: 'desc' }, { position: 'desc' }],
    take: limit,
  });
  return rows.map((row) => ({
    position: row.position.toString(),
    leadId: row.streamId,
    type: row.type,
    actor: (row.metadata as { actor?: string }).actor ?? null,
    occurredAt: row.occurredAt.toISOString(),
  }));
}
