import { describe, expect, it } from 'vitest';
import { IllegalStateError, NotFoundError, ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/input/validation';
import { deciderSpec } from '@/lib/testing/decider-spec';
import { decideWebhooks } from './decide';
import { evolveWebhooks, initialWebhooksState, type WebhookEvent } from './endpoints';
import { endpointSettingsInput } from './input';

const spec = deciderSpec({ decide: decideWebhooks, evolve: evolveWebhooks, initialState: initialWebhooksState });
const CRM = '2f7c1d9e-2222-4b4b-8c8c-000000000001';
const settings = { url: 'https://crm.example.com/hooks', description: 'CRM', filter: { types: ['StatusChanged' as const], status: 'Converted' as const } };
const registered: WebhookEvent = { type: 'WebhookEndpointRegistered', data: { endpointId: CRM, ...settings } };
const disabledByAdmin: WebhookEvent = { type: 'WebhookEndpointDisabled', data: { endpointId: CRM, reason: 'admin', failingSince: null } };
const refusal = (code: string, field: string) => [IllegalStateError, (error: IllegalStateError) => {
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
}] as const;

describe('when no endpoint is registered', () => {
  it('registers one, enabled, with its filter written one way', () => {
    spec.given([]).when({ type: 'RegisterWebhookEndpoint', data: { endpointId: CRM, ...settings, filter: { types: ['StatusChanged', 'CallOutcomeRecorded'], status: null } } })
      .then([{ type: 'WebhookEndpointRegistered', data: { endpointId: CRM, ...settings, filter: { types: ['StatusChanged', 'CallOutcomeRecorded'], status: null } } }]);
    expect([registered].reduce(evolveWebhooks, initialWebhooksState()).endpoints[CRM]).toEqual({ endpointId: CRM, ...settings, enabled: true });
  });

  it('drops a status filter when StatusChanged is not among the types', () => {
    spec.given([]).when({ type: 'RegisterWebhookEndpoint', data: { endpointId: CRM, ...settings, filter: { types: ['NoteAdded'], status: 'Closed' } } })
      .then([{ type: 'WebhookEndpointRegistered', data: { endpointId: CRM, ...settings, filter: { types: ['NoteAdded'], status: null } } }]);
  });

  it('refuses acting on an endpoint that does not exist', () => {
    spec.given([]).when({ type: 'RotateWebhookSecret', data: { endpointId: CRM } }).thenThrows(NotFoundError);
    spec.given([]).when({ type: 'ReplayWebhookDeliveries', data: { endpointId: CRM, fromPosition: '1' } }).thenThrows(NotFoundError);
  });
});

describe('when an endpoint is registered and enabled', () => {
  it('refuses registering another by the same id', () => {
    spec.given([registered]).when({ type: 'RegisterWebhookEndpoint', data: { endpointId: CRM, ...settings } }).thenThrows(...refusal('webhook.exists', 'endpointId'));
  });

  it('changes its settings, recording what they were, and refuses a change that changes nothing', () => {
    const next = { ...settings, url: 'https://crm.example.com/v2/hooks' };
    spec.given([registered]).when({ type: 'ChangeWebhookEndpoint', data: { endpointId: CRM, ...next } })
      .then([{ type: 'WebhookEndpointChanged', data: { endpointId: CRM, ...next, previous: settings } }]);
    spec.given([registered]).when({ type: 'ChangeWebhookEndpoint', data: { endpointId: CRM, ...settings } }).thenThrows(...refusal('webhook.unchanged', 'url'));
  });

  it('rotates its secret without the secret in the event', () => {
    spec.given([registered]).when({ type: 'RotateWebhookSecret', data: { endpointId: CRM } }).then([{ type: 'WebhookSecretRotated', data: { endpointId: CRM } }]);
  });

  it('is disabled by an admin, or by the system with the time it began failing', () => {
    spec.given([registered]).when({ type: 'DisableWebhookEndpoint', data: { endpointId: CRM, reason: 'admin', failingSince: '2026-12-01T10:00:00.000Z' } }).then([disabledByAdmin]);
    spec.given([registered]).when({ type: 'DisableWebhookEndpoint', data: { endpointId: CRM, reason: 'failing', failingSince: '2026-12-01T10:00:00.000Z' } })
      .then([{ type: 'WebhookEndpointDisabled', data: { endpointId: CRM, reason: 'failing', failingSince: '2026-12-01T10:00:00.000Z' } }]);
  });

  it('refuses enabling it again', () => {
    spec.given([registered]).when({ type: 'EnableWebhookEndpoint', data: { endpointId: CRM } }).thenThrows(...refusal('webhook.already-enabled', 'endpointId'));
  });

  it('replays its deliveries from a position', () => {
    spec.given([registered]).when({ type: 'ReplayWebhookDeliveries', data: { endpointId: CRM, fromPosition: '17' } })
      .then([{ type: 'WebhookDeliveriesReplayed', data: { endpointId: CRM, fromPosition: '17' } }]);
  });
});

describe('when the endpoint is disabled', () => {
  it('is enabled again, and cannot be disabled twice', () => {
    spec.given([registered, disabledByAdmin]).when({ type: 'EnableWebhookEndpoint', data: { endpointId: CRM } }).then([{ type: 'WebhookEndpointEnabled', data: { endpointId: CRM } }]);
    spec.given([registered, disabledByAdmin]).when({ type: 'DisableWebhookEndpoint', data: { endpointId: CRM, reason: 'failing', failingSince: null } })
      .thenThrows(...refusal('webhook.already-disabled', 'endpointId'));
    expect([registered, disabledByAdmin].reduce(evolveWebhooks, initialWebhooksState()).endpoints[CRM]?.enabled).toBe(false);
  });
});

describe('what an admin sends', () => {
  const field = (input: unknown) => {
    try {
      parseInput(endpointSettingsInput, input);
    } catch (error) {
      if (error instanceof ValidationError) return error.issues.map((issue) => [issue.field, 'message' in issue ? issue.message : issue.code]);
      throw error;
    }
    return [];
  };
  const valid = { endpointId: CRM, url: 'https://crm.example.com/hooks', types: ['StatusChanged'] };

  it('accepts an http or https URL, trimmed, with an empty description and no status by default', () => {
    expect(parseInput(endpointSettingsInput, { ...valid, url: '  http://10.0.0.5:8080/in ' })).toEqual({ ...valid, url: 'http://10.0.0.5:8080/in', description: '', status: null });
  });

  it.each([
    ['', 'URL is required'],
    ['crm.example.com/hooks', 'Enter a full URL, such as https://example.com/hooks'],
    ['ftp://crm.example.com/hooks', 'The URL must start with http:// or https://'],
    ['javascript:alert(1)', 'The URL must start with http:// or https://'],
    ['https://user:pass@crm.example.com/', 'Put no user name or password in the URL'],
  ])('refuses the URL %j, naming the field', (url, message) => {
    expect(field({ ...valid, url })).toEqual([['url', message]]);
  });

  it('refuses an empty filter and an unknown event type or status, naming the field', () => {
    expect(field({ ...valid, types: [] })).toEqual([['types', 'Choose at least one event type']]);
    expect(field({ ...valid, types: ['LeadDeleted'] })).toEqual([['types.0', 'Choose event types from the list']]);
    expect(field({ ...valid, status: 'Won' })).toEqual([['status', 'Choose a status from the list']]);
  });
});
