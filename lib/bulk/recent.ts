// A tenant's latest bulk changes, newest first: what each did, to how many leads, who started it,
// and how it stands (a batch cut off by a restart shows interrupted, to be resumed from its page).
// Each is read from its first and last events, never its whole stream.
import type { EventStore } from '@/lib/event-store';
import type { BulkAction } from './bulk-action';
import { BULK_STREAM_TYPE, type BulkEvent } from './bulk-stream';
import { isBulkRunning } from './run-bulk';

export type RecentBulkChange = {
  readonly batchId: string;
  readonly action: BulkAction;
  readonly leads: number;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly state: 'running' | 'interrupted' | 'finished' | 'stopped';
  /** How many leads it changed, once finished. */
  readonly done: number | null;
};

export async function recentBulkChanges(store: EventStore, tenantId: string, limit = 20): Promise<RecentBulkChange[]> {
  const streams = await store.db.$queryRaw<{ stream_id: string; version: number }[]>`
    SELECT stream_id, version FROM streams
    WHERE tenant_id = ${tenantId} AND stream_type = ${BULK_STREAM_TYPE}
    ORDER BY created_at DESC LIMIT ${limit}`;
  return Promise.all(streams.map(async ({ stream_id: batchId, version }) => {
    const live = isBulkRunning(tenantId, batchId);
    const [first] = await store.readStream(tenantId, batchId, { toVersion: 1 });
    const [last] = await store.readStream(tenantId, batchId, { fromVersion: version });
    const started = first as unknown as BulkEvent & { type: 'BulkChangeStarted' };
    const ended = last as unknown as BulkEvent;
    const state = ended.type === 'BulkChangeFinished' ? 'finished' : ended.type === 'BulkChangeStopped' ? 'stopped' : live ? 'running' : 'interrupted';
    return {
      batchId,
      action: started.data.action as BulkAction,
      leads: started.data.leads,
      startedBy: started.data.by,
      startedAt: first!.occurredAt.toISOString(),
      state,
      done: ended.type === 'BulkChangeFinished' ? ended.data.done : null,
    };
  }));
}
