import 'server-only';
// A lead's events as its history list shows them: every change, who made it, when, and which
// command it came with.
import type { EventStore } from '@/lib/event-store';
import type { HistoryEvent } from '@/lib/present/history-lines';

export async function leadHistory(store: EventStore, tenantId: string, leadId: string): Promise<HistoryEvent[]> {
  const events = await store.readStream(tenantId, leadId);
  return events.map((event) => ({
    version: event.version,
    type: event.type,
    data: event.data,
    actor: event.metadata.actor ?? null,
    occurredAt: event.occurredAt.toISOString(),
    commandId: event.metadata.commandId ?? null,
  }));
}
