// The body of a webhook message, built at send time from the event as the store reads it back (so
// what the log no longer holds in the clear is not sent either). `id` is the message id receivers
// dedupe by: the same change is always the same id, whichever attempt or replay carries it.
import type { StoredEvent } from '@/lib/event-store';

export type WebhookPayload = {
  readonly type: string;
  readonly id: string;
  /** When the change happened (the header's timestamp is when it was sent). */
  readonly timestamp: string;
  readonly data: { readonly leadId: string; readonly version: number; readonly position: string; readonly change: unknown };
};

export const messageId = (position: bigint | string) => `evt_${position}`;

export function webhookPayload(event: Pick<StoredEvent, 'type' | 'position' | 'occurredAt' | 'streamId' | 'version' | 'data'>): WebhookPayload {
  return {
    type: event.type,
    id: messageId(event.position),
    timestamp: event.occurredAt.toISOString(),
    data: { leadId: event.streamId, version: event.version, position: event.position.toString(), change: event.data },
  };
}
