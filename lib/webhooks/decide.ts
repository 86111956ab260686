// What an admin may do with the organisation's webhook endpoints: register one, change its URL,
// description or filter, rotate its secret, disable and enable it, and send its deliveries again
// from one onward. The deliverer disables an endpoint whose oldest undelivered change has failed for
// a day. Pure: ids and the time arrive on the command.
import stringify from 'safe-stable-stringify';
import { IllegalStateError, NotFoundError } from '@/lib/errors';
import { normaliseFilter } from './filter';
import type { WebhookEndpoint, WebhookEvent, WebhookSettings, WebhooksState } from './endpoints';

type Id = { readonly endpointId: string };

export type WebhookCommand =
  | { readonly type: 'RegisterWebhookEndpoint'; readonly data: Id & WebhookSettings }
  | { readonly type: 'ChangeWebhookEndpoint'; readonly data: Id & WebhookSettings }
  | { readonly type: 'RotateWebhookSecret'; readonly data: Id }
  | { readonly type: 'DisableWebhookEndpoint'; readonly data: Id & { readonly reason: 'admin' | 'failing'; readonly failingSince: string | null } }
  | { readonly type: 'EnableWebhookEndpoint'; readonly data: Id }
  | { readonly type: 'ReplayWebhookDeliveries'; readonly data: Id & { readonly fromPosition: string } };

export function decideWebhooks(command: WebhookCommand, state: WebhooksState): WebhookEvent[] {
  switch (command.type) {
    case 'RegisterWebhookEndpoint':
      return register(command.data, state);
    case 'ChangeWebhookEndpoint':
      return change(command.data, state);
    case 'RotateWebhookSecret':
      existing(state, command.data);
      return [{ type: 'WebhookSecretRotated', data: { endpointId: command.data.endpointId } }];
    case 'DisableWebhookEndpoint': {
      if (!existing(state, command.data).enabled) throw new IllegalStateError('webhook.already-disabled', { field: 'endpointId' });
      const failingSince = command.data.reason === 'failing' ? command.data.failingSince : null;
      return [{ type: 'WebhookEndpointDisabled', data: { endpointId: command.data.endpointId, reason: command.data.reason, failingSince } }];
    }
    case 'EnableWebhookEndpoint':
      if (existing(state, command.data).enabled) throw new IllegalStateError('webhook.already-enabled', { field: 'endpointId' });
      return [{ type: 'WebhookEndpointEnabled', data: { endpointId: command.data.endpointId } }];
    case 'ReplayWebhookDeliveries':
      existing(state, command.data);
      return [{ type: 'WebhookDeliveriesReplayed', data: { endpointId: command.data.endpointId, fromPosition: command.data.fromPosition } }];
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

function register({ endpointId, url, description, filter }: Id & WebhookSettings, state: WebhooksState): WebhookEvent[] {
  if (state.endpoints[endpointId]) throw new IllegalStateError('webhook.exists', { field: 'endpointId' });
  return [{ type: 'WebhookEndpointRegistered', data: { endpointId, url, description, filter: normaliseFilter(filter) } }];
}

function change({ endpointId, url, description, filter }: Id & WebhookSettings, state: WebhooksState): WebhookEvent[] {
  const endpoint = existing(state, { endpointId });
  const previous = { url: endpoint.url, description: endpoint.description, filter: endpoint.filter };
  const next = { url, description, filter: normaliseFilter(filter) };
  if (stringify(next) === stringify(previous)) throw new IllegalStateError('webhook.unchanged', { field: 'url' });
  return [{ type: 'WebhookEndpointChanged', data: { endpointId, ...next, previous } }];
}

function existing(state: WebhooksState, { endpointId }: Id): WebhookEndpoint {
  const endpoint = state.endpoints[endpointId];
  if (!endpoint) throw new NotFoundError('webhook.not-found');
  return endpoint;
}
