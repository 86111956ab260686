// Webhook endpoints as configuration with an audit trail: one stream per tenant holds every
// endpoint the organisation's admins registered, with its URL, description, filter and whether it
// is enabled. The signing secret is never in an event (the log is exported as it is): it is kept in
// its own table (lib/webhooks/secrets.ts), and the log only records that it was rotated. Pure.
import { z } from 'zod';
import { LEAD_STATUSES } from '@/lib/leads/values';
import { WEBHOOK_EVENT_TYPES, type WebhookFilter } from './filter';

export const WEBHOOKS_STREAM_TYPE = 'webhook-endpoints';
export const WEBHOOKS_STREAM_ID = 'webhook-endpoints';

const filter = z.strictObject({ types: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1), status: z.enum(LEAD_STATUSES).nullable() });
const settings = { url: z.string(), description: z.string(), filter };

export const WEBHOOK_EVENT_SCHEMAS = {
  WebhookEndpointRegistered: z.strictObject({ endpointId: z.string(), ...settings }),
  /** The endpoint's settings after the change, and before it. */
  WebhookEndpointChanged: z.strictObject({ endpointId: z.string(), ...settings, previous: z.strictObject(settings) }),
  WebhookSecretRotated: z.strictObject({ endpointId: z.string() }),
  /** `failing`: disabled by the system after its oldest undelivered change had failed for a day (since `failingSince`). */
  WebhookEndpointDisabled: z.strictObject({ endpointId: z.string(), reason: z.enum(['admin', 'failing']), failingSince: z.iso.datetime({ offset: true }).nullable() }),
  WebhookEndpointEnabled: z.strictObject({ endpointId: z.string() }),
  /** Deliveries from the one at this log position onward are sent again, in order. */
  WebhookDeliveriesReplayed: z.strictObject({ endpointId: z.string(), fromPosition: z.string() }),
} as const;

type Schemas = typeof WEBHOOK_EVENT_SCHEMAS;
export type WebhookEvent = { [Type in keyof Schemas]: { type: Type; data: z.output<Schemas[Type]> } }[keyof Schemas];

export const isWebhookEvent = (event: { type: string }): event is WebhookEvent => Object.hasOwn(WEBHOOK_EVENT_SCHEMAS, event.type);

export type WebhookSettings = { readonly url: string; readonly description: string; readonly filter: WebhookFilter };
export type WebhookEndpoint = WebhookSettings & { readonly endpointId: string; readonly enabled: boolean };

/** Every endpoint of the tenant, by id (a plain object, so that snapshots keep it). */
export type WebhooksState = { readonly endpoints: Readonly<Record<string, WebhookEndpoint>> };

export const initialWebhooksState = (): WebhooksState => ({ endpoints: {} });

export function evolveWebhooks(state: WebhooksState, event: WebhookEvent): WebhooksState {
  const endpoint = state.endpoints[event.data.endpointId];
  const put = (next: WebhookEndpoint) => ({ endpoints: { ...state.endpoints, [next.endpointId]: next } });
  switch (event.type) {
    case 'WebhookEndpointRegistered': {
      const { endpointId, url, description, filter } = event.data;
      return put({ endpointId, url, description, filter, enabled: true });
    }
    case 'WebhookEndpointChanged':
      return endpoint ? put({ ...endpoint, url: event.data.url, description: event.data.description, filter: event.data.filter }) : state;
    case 'WebhookEndpointDisabled':
    case 'WebhookEndpointEnabled':
      return endpoint ? put({ ...endpoint, enabled: event.type === 'WebhookEndpointEnabled' }) : state;
    default:
      return state;
  }
}
