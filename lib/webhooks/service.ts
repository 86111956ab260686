// An admin registers, changes, disables and enables the organisation's webhook endpoints, rotates
// an endpoint's secret and sends its deliveries again from one onward; the deliverer disables an
// endpoint that has failed for a day. Decided by the webhooks aggregate on the tenant's endpoints
// stream (the endpoint list is written in the same transaction). A new secret is stored once its
// event is written, and returned to be shown once.
import { randomUUID } from 'node:crypto';
import { handleCommand } from '@/lib/commands/handle-command';
import type { EventStore } from '@/lib/event-store';
import { parseInput } from '@/lib/input/validation';
import { webhooksAggregate } from './aggregate';
import type { WebhookCommand } from './decide';
import { WEBHOOKS_STREAM_ID } from './endpoints';
import { endpointIdInput, endpointSettingsInput, replayInput } from './input';
import { newSecret, storeSecret } from './secrets';

type Caller = { readonly tenantId: string; readonly id: string };
export type WebhookChange = 'register' | 'change' | 'rotate' | 'disable' | 'enable' | 'replay';
type Options = { now?: Date; commandId?: string };

/** The actor of what the deliverer decides by itself. */
export const DELIVERER_ACTOR = 'system:webhooks';

/** Bad input is a ValidationError naming the field, and nothing is stored. */
export async function changeWebhooks(store: EventStore, caller: Caller, change: WebhookChange, input: unknown, options: Options = {}) {
  const command = commandFor(change, input);
  await decide(store, caller.tenantId, caller.id, command, options);
  if (command.type !== 'RegisterWebhookEndpoint' && command.type !== 'RotateWebhookSecret') return { endpointId: command.data.endpointId, secret: null };
  const secret = newSecret();
  await storeSecret(store.db, caller.tenantId, command.data.endpointId, secret);
  return { endpointId: command.data.endpointId, secret };
}

/** The deliverer's own decision: the endpoint's oldest undelivered change has failed since `failingSince`. */
export async function disableFailingEndpoint(store: EventStore, tenantId: string, endpointId: string, failingSince: Date, options: Options = {}) {
  await decide(store, tenantId, DELIVERER_ACTOR, { type: 'DisableWebhookEndpoint', data: { endpointId, reason: 'failing', failingSince: failingSince.toISOString() } }, options);
}

function decide(store: EventStore, tenantId: string, actor: string, command: WebhookCommand, { now = new Date(), commandId = randomUUID() }: Options) {
  return handleCommand(store, webhooksAggregate, { tenantId, streamId: WEBHOOKS_STREAM_ID, command, commandId, actor, now });
}

function commandFor(change: WebhookChange, input: unknown): WebhookCommand {
  switch (change) {
    case 'register':
    case 'change': {
      const { endpointId, url, description, types, status } = parseInput(endpointSettingsInput, input);
      const data = { endpointId, url, description, filter: { types, status } };
      return change === 'register' ? { type: 'RegisterWebhookEndpoint', data } : { type: 'ChangeWebhookEndpoint', data };
    }
    case 'rotate':
      return { type: 'RotateWebhookSecret', data: parseInput(endpointIdInput, input) };
    case 'disable':
      return { type: 'DisableWebhookEndpoint', data: { ...parseInput(endpointIdInput, input), reason: 'admin', failingSince: null } };
    case 'enable':
      return { type: 'EnableWebhookEndpoint', data: parseInput(endpointIdInput, input) };
    case 'replay':
      return { type: 'ReplayWebhookDeliveries', data: parseInput(replayInput, input) };
  }
}
