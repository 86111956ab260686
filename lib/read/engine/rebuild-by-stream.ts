// Rebuilding an inline read model while the app runs. It is written by every append, so instead of
// building a copy and swapping it in, each stream's rows are recomputed from the stream's own
// events, batch by batch of streams, and written with the same version guard the inline writes use:
// whichever of the two writes a stream's newest version last, the rows end up the fold of all its
// events.
import { Prisma } from '@/lib/generated/prisma/client';
import type { EventStore, StoredEvent, Tx } from '@/lib/event-store';

export type RebuildProgress = (progress: { events: number; done: number; total: number }) => void;
export type RebuildOptions = { readonly batchStreams?: number; readonly onProgress?: RebuildProgress };

type StreamKey = { tenant_id: string; stream_id: string };

export async function rebuildByStream(
  store: EventStore,
  streamType: string,
  write: (tx: Tx, events: readonly StoredEvent[]) => Promise<void>,
  { batchStreams = 2000, onProgress = () => {} }: RebuildOptions = {},
): Promise<{ events: number; streams: number }> {
  const counted = await store.db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM streams WHERE stream_type = ${streamType}`;
  const totalStreams = Number(counted[0]?.total ?? 0);
  const readBatch = async (after: StreamKey | null) => {
    const batch: StreamKey[] = await store.db.$queryRaw`
      SELECT tenant_id, stream_id FROM streams
      WHERE stream_type = ${streamType}
        ${after ? Prisma.sql`AND (tenant_id, stream_id) > (${after.tenant_id}, ${after.stream_id})` : Prisma.empty}
      ORDER BY tenant_id, stream_id LIMIT ${batchStreams}`;
    if (batch.length === 0) return null;
    const events = await store.readStreams(batch.map((s) => ({ tenantId: s.tenant_id, streamId: s.stream_id })));
    return { last: batch[batch.length - 1]!, streams: batch.length, events };
  };
  let events = 0;
  let streams = 0;
  let next = readBatch(null);
  for (;;) {
    const batch = await next;
    if (!batch) break;
    // The next streams are read on another connection while these are written.
    next = readBatch(batch.last);
    next.catch(() => {}); // awaited by the next turn; if this write fails, nobody will
    // No transaction around the write: every stream is read from its first event, so the write
    // (one statement) seldom reads a row first, and when it does, a READ COMMITTED transaction
    // would see other commits between the two all the same. The version guard keeps newer rows.
    await write(store.db, batch.events);
    events += batch.events.length;
    streams += batch.streams;
    onProgress({ events, done: streams, total: totalStreams });
  }
  return { events, streams };
}
