// Rebuilding the do-not-call list while the app runs, as the lead table is rebuilt: it is written
// inline by every append, so each number's row is recomputed from its own stream, batch by batch,
// with the same version guard the inline writes use.
import { Prisma } from '@/lib/generated/prisma/client';
import { DNC_STREAM_TYPE } from '@/lib/do-not-call/do-not-call';
import type { EventStore } from '@/lib/event-store';
import { writeDoNotCallRows } from './projection';

export type RebuildProgress = (progress: { events: number; done: number; total: number }) => void;

export async function rebuildDoNotCall(store: EventStore, { batchStreams = 2000, onProgress = (() => {}) as RebuildProgress } = {}) {
  const counted = await store.db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM streams WHERE stream_type = ${DNC_STREAM_TYPE}`;
  const totalStreams = Number(counted[0]?.total ?? 0);
  let after: { tenant_id: string; stream_id: string } | null = null;
  let events = 0;
  let streams = 0;
  for (;;) {
    const batch: { tenant_id: string; stream_id: string }[] = await store.db.$queryRaw`
      SELECT tenant_id, stream_id FROM streams
      WHERE stream_type = ${DNC_STREAM_TYPE}
        ${after ? Prisma.sql`AND (tenant_id, stream_id) > (${after.tenant_id}, ${after.stream_id})` : Prisma.empty}
      ORDER BY tenant_id, stream_id LIMIT ${batchStreams}`;
    if (batch.length === 0) break;
    const streamEvents = await store.readStreams(batch.map((s) => ({ tenantId: s.tenant_id, streamId: s.stream_id })));
    await store.db.$transaction((tx) => writeDoNotCallRows(tx, streamEvents));
    after = batch[batch.length - 1]!;
    events += streamEvents.length;
    streams += batch.length;
    onProgress({ events, done: streams, total: totalStreams });
  }
  return { events, streams };
}
