// Which of the log's events an endpoint receives: lead events of the types it chose, and for
// StatusChanged optionally only the changes to one status ("only StatusChanged to Converted").
// Only lead events are offered: each belongs to one lead, so "in log order per lead" has a meaning.
import { LEAD_STREAM_TYPE } from '@/lib/leads/aggregate';
import { LEAD_EVENT_SCHEMAS } from '@/lib/leads/events';
import type { LeadStatus } from '@/lib/leads/values';

export const WEBHOOK_EVENT_TYPES = Object.keys(LEAD_EVENT_SCHEMAS) as readonly (keyof typeof LEAD_EVENT_SCHEMAS)[];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export type WebhookFilter = {
  /** The event types sent, at least one. */
  readonly types: WebhookEventType[];
  /** With StatusChanged among the types: only changes to this status (null: every change). */
  readonly status: LeadStatus | null;
};

type LoggedEvent = { readonly streamType: string; readonly type: string; readonly data: unknown };

export function matchesFilter(filter: WebhookFilter, event: LoggedEvent): boolean {
  if (event.streamType !== LEAD_STREAM_TYPE || !(filter.types as readonly string[]).includes(event.type)) return false;
  if (event.type !== 'StatusChanged' || filter.status === null) return true;
  return (event.data as { to?: string }).to === filter.status;
}

/** The same filter written one way: types in the order of the list above, each once. */
export const normaliseFilter = (filter: WebhookFilter): WebhookFilter => ({
  types: WEBHOOK_EVENT_TYPES.filter((type) => filter.types.includes(type)),
  status: filter.types.includes('StatusChanged') ? filter.status : null,
});
