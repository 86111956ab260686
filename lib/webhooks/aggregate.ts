// Webhook endpoints as the system registers them (lib/system/aggregates.ts).
import { defineAggregate } from '@/lib/commands/aggregate';
import { defineEvents } from '@/lib/event-store/registry';
import { decideWebhooks, type WebhookCommand } from './decide';
import { evolveWebhooks, initialWebhooksState, WEBHOOK_EVENT_SCHEMAS, WEBHOOKS_STREAM_TYPE, type WebhookEvent, type WebhooksState } from './endpoints';

export const webhooksAggregate = defineAggregate<WebhookCommand, WebhookEvent, WebhooksState>({
  streamType: WEBHOOKS_STREAM_TYPE,
  events: defineEvents(WEBHOOK_EVENT_SCHEMAS),
  decider: { decide: decideWebhooks, evolve: evolveWebhooks, initialState: initialWebhooksState },
  // Commands apply to the endpoints as they are now; the decider refuses what no longer fits.
  conflictsWith: () => false,
  snapshots: { shape: 1 },
});
