import 'server-only';
// A number's history on the do-not-call list, read from its own stream in the log: every time it
// was blocked (why, from where) and unblocked (why), by whom and when, oldest first.
import { DNC_STREAM_TYPE, dncStreamId, isDncEvent } from '@/lib/do-not-call/do-not-call';
import type { EventStore } from '@/lib/event-store';

export type NumberChange = {
  readonly version: number;
  readonly change: 'blocked' | 'unblocked';
  readonly reason: string;
  /** Where a block came from (manual, call, api, import:<id>); null for an unblock. */
  readonly source: string | null;
  readonly by: string | null;
  readonly at: string;
};

/** Empty when the tenant never had the number (E.164) on its list. */
export async function numberHistory(store: EventStore, tenantId: string, phone: string): Promise<NumberChange[]> {
  const events = await store.readStream(tenantId, dncStreamId(phone));
  return events.filter((event) => event.streamType === DNC_STREAM_TYPE).flatMap((event) => {
    if (!isDncEvent(event)) return [];
    return [{
      version: event.version,
      change: event.type === 'NumberBlocked' ? 'blocked' as const : 'unblocked' as const,
      reason: event.data.reason,
      source: event.type === 'NumberBlocked' ? event.data.source : null,
      by: event.metadata.actor ?? null,
      at: event.occurredAt.toISOString(),
    }];
  });
}
