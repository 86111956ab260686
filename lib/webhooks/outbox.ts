// The webhook outbox: an async projection (`webhook-outbox`) reading the log in order from its own
// checkpoint. For each lead event an enabled endpoint's filter matches, it queues a delivery (the
// endpoint, the event's log position, its lead and version, its type; never its data) in the
// transaction that moves the checkpoint, so a change is queued exactly once, after it committed.
// It also carries out the endpoint events that act on queued deliveries, in log order: a replay
// queues deliveries again from a position on; enabling an endpoint gives its waiting deliveries a
// fresh start. It is run by the deliverer (lib/webhooks/deliverer.ts), never rebuilt: its rows are
// what has been and is to be sent.
import { Prisma } from '@/lib/generated/prisma/client';
import type { StoredEvent, Tx } from '@/lib/event-store';
import { LEAD_STREAM_TYPE } from '@/lib/leads/aggregate';
import type { AsyncProjection } from '@/lib/read/engine/types';
import { recordset, type Column } from '@/lib/read/engine/sql';
import { isWebhookEvent, WEBHOOKS_STREAM_TYPE } from './endpoints';
import { matchesFilter, type WebhookFilter } from './filter';

type Endpoint = { tenant_id: string; endpoint_id: string; filter: WebhookFilter };
type Queued = { tenant_id: string; endpoint_id: string; tx_id: string; position: string; stream_id: string; version: number; event_type: string };

const COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['endpoint_id', 'text'], ['tx_id', 'bigint'], ['position', 'bigint'], ['stream_id', 'text'], ['version', 'int'], ['event_type', 'text'],
];

async function enabledEndpoints(tx: Tx, tenants: readonly string[]): Promise<Map<string, Endpoint[]>> {
  const byTenant = new Map<string, Endpoint[]>();
  if (tenants.length === 0) return byTenant;
  const rows = await tx.$queryRaw<Endpoint[]>`
    SELECT tenant_id, endpoint_id, filter FROM webhook_endpoints WHERE enabled AND tenant_id = ANY(${tenants}::text[]) ORDER BY registered_at, endpoint_id`;
  for (const row of rows) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row]);
  return byTenant;
}

async function queue(tx: Tx, rows: Queued[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Prisma.raw(COLUMNS.map(([name]) => name).join(', '));
  await tx.$executeRaw`INSERT INTO webhook_deliveries (${names}) SELECT ${names} FROM ${recordset(rows, COLUMNS)} ON CONFLICT DO NOTHING`;
  rows.length = 0;
}

async function act(tx: Tx, event: StoredEvent): Promise<void> {
  if (event.streamType !== WEBHOOKS_STREAM_TYPE || !isWebhookEvent(event)) return;
  const { tenantId } = event;
  if (event.type === 'WebhookDeliveriesReplayed') {
    const { endpointId, fromPosition } = event.data;
    await tx.$executeRaw`
      UPDATE webhook_deliveries d SET delivered = false, attempts = 0, next_attempt_at = NULL, failing_since = NULL, delivered_at = NULL
      FROM (SELECT tx_id, position FROM webhook_deliveries WHERE tenant_id = ${tenantId} AND endpoint_id = ${endpointId} AND position = ${BigInt(fromPosition)}) AS start
      WHERE d.tenant_id = ${tenantId} AND d.endpoint_id = ${endpointId} AND (d.tx_id, d.position) >= (start.tx_id, start.position)`;
  } else if (event.type === 'WebhookEndpointEnabled') {
    await tx.$executeRaw`
      UPDATE webhook_deliveries SET attempts = 0, next_attempt_at = NULL, failing_since = NULL
      WHERE tenant_id = ${tenantId} AND endpoint_id = ${event.data.endpointId} AND NOT delivered`;
  }
}

export const webhookOutboxProjection: AsyncProjection = {
  name: 'webhook-outbox',
  tables: [],
  async apply(tx, events) {
    const tenants = [...new Set(events.filter((event) => event.streamType === LEAD_STREAM_TYPE).map((event) => event.tenantId))];
    const endpoints = await enabledEndpoints(tx, tenants);
    const rows: Queued[] = [];
    for (const event of events) {
      if (event.streamType !== LEAD_STREAM_TYPE) {
        await queue(tx, rows); // what came before it, first
        await act(tx, event);
        continue;
      }
      for (const endpoint of endpoints.get(event.tenantId) ?? []) {
        if (!matchesFilter(endpoint.filter, event)) continue;
        rows.push({
          tenant_id: event.tenantId, endpoint_id: endpoint.endpoint_id, tx_id: event.txId.toString(), position: event.position.toString(),
          stream_id: event.streamId, version: event.version, event_type: event.type,
        });
      }
    }
    await queue(tx, rows);
  },
};
