// Rebuilding the lead table while the app runs. It is written inline by every append, so instead of
// building a copy and swapping it in, each lead's row is recomputed from its own stream, batch by
// batch, and written with the same version guard the inline writes use: whichever of the two writes
// a lead's newest version last, the row ends up the fold of all its events.
import { Prisma } from '@/lib/generated/prisma/client';
import type { EventStore } from '@/lib/event-store';
import { LEAD_STREAM_TYPE } from '@/lib/leads';
import { writeLeadRows } from './projection';

export type RebuildProgress = (progress: { events: number; done: number; total: number }) => void;

export async function rebuildLeadTable(store: EventStore, { batchStreams = 2000, onProgress = (() => {}) as RebuildProgress } = {}) {
  const counted = await store.db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM streams WHERE stream_type = ${LEAD_STREAM_TYPE}`;
  const totalStreams = Number(counted[0]?.total ?? 0);
  let after: { tenant_id: string; stream_id: string } | null = null;
  let events = 0;
  let streams = 0;
  for (;;) {
    const batch: { tenant_id: string; stream_id: string }[] = await store.db.$queryRaw`
      SELECT tenant_id, stream_id FROM streams
      WHERE stream_type = ${LEAD_STREAM_TYPE}
        ${after ? Prisma.sql`AND (tenant_id, stream_id) > (${after.tenant_id}, ${after.stream_id})` : Prisma.empty}
      ORDER BY tenant_id, stream_id LIMIT ${batchStreams}`;
    if (batch.length === 0) break;
    const streamEvents = await store.readStreams(batch.map((s) => ({ tenantId: s.tenant_id, streamId: s.stream_id })));
    await store.db.$transaction((tx) => writeLeadRows(tx, streamEvents));
    after = batch[batch.length - 1]!;
    events += streamEvents.length;
    streams += batch.length;
    onProgress({ events, done: streams, total: totalStreams });
  }
  return { events, streams };
}
