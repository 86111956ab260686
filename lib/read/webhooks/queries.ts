// What the webhooks admin pages show: the organisation's endpoints with how their deliveries
// stand, one endpoint, and its delivery log (each delivery with its latest attempt). Scoped to the
// admin's tenant. The log holds no personal data: positions, leads' ids, types, and what the
// receiver answered.
import type { Db } from '@/lib/db/client';
import type { WebhookFilter } from '@/lib/webhooks/filter';

export type EndpointSummary = {
  readonly endpointId: string; readonly url: string; readonly description: string; readonly filter: WebhookFilter;
  readonly enabled: boolean; readonly disabledReason: string | null; readonly failingSince: string | null; readonly registeredAt: string;
  readonly waiting: number; readonly hasSecret: boolean;
};

export async function webhookEndpoints(db: Db, tenantId: string): Promise<EndpointSummary[]> {
  const [rows, waiting, secrets] = await Promise.all([
    db.webhookEndpointRow.findMany({ where: { tenantId }, orderBy: [{ registeredAt: 'asc' }, { endpointId: 'asc' }] }),
    db.webhookDelivery.groupBy({ by: ['endpointId'], where: { tenantId, delivered: false }, _count: { _all: true } }),
    db.webhookSecret.findMany({ where: { tenantId }, select: { endpointId: true } }),
  ]);
  const waitingBy = new Map(waiting.map((row) => [row.endpointId, row._count._all]));
  const withSecret = new Set(secrets.map((row) => row.endpointId));
  return rows.map((row) => ({
    endpointId: row.endpointId, url: row.url, description: row.description, filter: row.filter as WebhookFilter, enabled: row.enabled,
    disabledReason: row.disabledReason, failingSince: row.failingSince?.toISOString() ?? null, registeredAt: row.registeredAt.toISOString(),
    waiting: waitingBy.get(row.endpointId) ?? 0, hasSecret: withSecret.has(row.endpointId),
  }));
}

export async function webhookEndpoint(db: Db, tenantId: string, endpointId: string): Promise<EndpointSummary | null> {
  return (await webhookEndpoints(db, tenantId)).find((endpoint) => endpoint.endpointId === endpointId) ?? null;
}

export type DeliveryLogEntry = {
  readonly position: string; readonly eventType: string; readonly leadId: string; readonly delivered: boolean; readonly attempts: number;
  readonly nextAttemptAt: string | null; readonly last: { readonly at: string; readonly statusCode: number | null; readonly latencyMs: number; readonly excerpt: string } | null;
};

export const DELIVERY_LOG_ROWS = 100;

/** The endpoint's latest deliveries, newest first. */
export async function deliveryLog(db: Db, tenantId: string, endpointId: string): Promise<DeliveryLogEntry[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { tenantId, endpointId },
    orderBy: [{ txId: 'desc' }, { position: 'desc' }],
    take: DELIVERY_LOG_ROWS,
    include: { tries: { orderBy: { attemptedAt: 'desc' }, take: 1 } },
  });
  return rows.map((row) => {
    const last = row.tries[0];
    return {
      position: row.position.toString(), eventType: row.eventType, leadId: row.streamId, delivered: row.delivered, attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
      last: last ? { at: last.attemptedAt.toISOString(), statusCode: last.statusCode, latencyMs: last.latencyMs, excerpt: last.excerpt } : null,
    };
  });
}
