// The webhook endpoints' read model, written inline: in the append's own transaction, so an endpoint
// is listed (and matched by the outbox) the moment the command that registered it returns. One row
// per endpoint, guarded by the stream's version as the saved views' rows are.
import { ident } from '@/lib/db/sql';
import type { RowWrite, StoredEvent, Tx, VersionedEvent } from '@/lib/event-store';
import { rebuildByStream, type RebuildOptions } from '@/lib/read/engine/rebuild-by-stream';
import type { WebhookFilter } from '@/lib/webhooks/filter';
import { isWebhookEvent, WEBHOOKS_STREAM_TYPE, type WebhookEvent } from '@/lib/webhooks/endpoints';
import { changedRows } from '../engine/fold-rows';
import { recordset, runWrites, upsertStatement, type Column } from '../engine/sql';
import type { RebuildableInlineProjection } from '../engine/types';

export const ENDPOINTS_TABLE = 'webhook_endpoints';

export type EndpointRow = {
  tenant_id: string; endpoint_id: string; url: string; description: string; filter: WebhookFilter; enabled: boolean;
  disabled_reason: string | null; failing_since: string | null; registered_at: string; changed_at: string; version: number;
};

const COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['endpoint_id', 'text'], ['url', 'text'], ['description', 'text'], ['filter', 'jsonb'], ['enabled', 'boolean'],
  ['disabled_reason', 'text'], ['failing_since', 'timestamptz'], ['registered_at', 'timestamptz'], ['changed_at', 'timestamptz'], ['version', 'int'],
];

type EndpointStoredEvent = VersionedEvent & WebhookEvent;
const isStoredWebhookEvent = (event: VersionedEvent): event is EndpointStoredEvent => event.streamType === WEBHOOKS_STREAM_TYPE && isWebhookEvent(event);
const key = (tenantId: string, endpointId: string) => `${tenantId}\u0000${endpointId}`;

/** The row after `event`; an event at or below the row's version is already in it. */
export function evolveEndpointRow(row: EndpointRow | null, event: EndpointStoredEvent): EndpointRow | null {
  if (row && event.version <= row.version) return row;
  const at = { changed_at: event.occurredAt.toISOString(), version: event.version };
  switch (event.type) {
    case 'WebhookEndpointRegistered': {
      const { endpointId, url, description, filter } = event.data;
      return { tenant_id: event.tenantId, endpoint_id: endpointId, url, description, filter, enabled: true, disabled_reason: null, failing_since: null, registered_at: at.changed_at, ...at };
    }
    case 'WebhookEndpointChanged':
      return row && { ...row, url: event.data.url, description: event.data.description, filter: event.data.filter, ...at };
    case 'WebhookEndpointDisabled':
      return row && { ...row, enabled: false, disabled_reason: event.data.reason, failing_since: event.data.failingSince, ...at };
    case 'WebhookEndpointEnabled':
      return row && { ...row, enabled: true, disabled_reason: null, failing_since: null, ...at };
    case 'WebhookSecretRotated':
    case 'WebhookDeliveriesReplayed':
      return row && { ...row, ...at };
  }
}

/** Folds `events` onto their endpoints' rows as `reader` sees them: the writes of the rows that changed. */
export async function planEndpointRows(reader: Tx, events: readonly VersionedEvent[], table = ENDPOINTS_TABLE): Promise<RowWrite[]> {
  const endpointEvents = events.filter(isStoredWebhookEvent);
  if (endpointEvents.length === 0) return [];
  const rows = new Map<string, EndpointRow | null>();
  const touched = [...new Map(endpointEvents.map((event) => [key(event.tenantId, event.data.endpointId), event])).values()]
    .filter((event) => event.type !== 'WebhookEndpointRegistered')
    .map((event) => ({ tenant_id: event.tenantId, endpoint_id: event.data.endpointId }));
  if (touched.length > 0) {
    const loaded = await reader.$queryRaw<EndpointRow[]>`
      SELECT t.tenant_id, t.endpoint_id, t.url, t.description, t.filter, t.enabled, t.disabled_reason, t.version,
        to_json(t.failing_since) #>> '{}' AS failing_since, to_json(t.registered_at) #>> '{}' AS registered_at, to_json(t.changed_at) #>> '{}' AS changed_at
      FROM ${ident(table)} t
      JOIN ${recordset(touched, [['tenant_id', 'text'], ['endpoint_id', 'text']])} ON t.tenant_id = r.tenant_id AND t.endpoint_id = r.endpoint_id`;
    for (const row of loaded) rows.set(key(row.tenant_id, row.endpoint_id), row);
  }
  const toWrite = changedRows(rows, endpointEvents, (event) => key(event.tenantId, event.data.endpointId), evolveEndpointRow);
  return [upsertStatement(table, COLUMNS, ['tenant_id', 'endpoint_id'], toWrite, `${ident(table).text}.version <= excluded.version`)];
}

async function writeEndpointRows(tx: Tx, events: readonly StoredEvent[], table = ENDPOINTS_TABLE): Promise<void> {
  await runWrites(tx, await planEndpointRows(tx, events, table));
}

export const webhookEndpointsProjection: RebuildableInlineProjection = {
  name: 'webhook-endpoints',
  plan: (reader, events) => planEndpointRows(reader, events),
  rebuild: (store, options?: RebuildOptions) => rebuildByStream(store, WEBHOOKS_STREAM_TYPE, writeEndpointRows, options),
};
