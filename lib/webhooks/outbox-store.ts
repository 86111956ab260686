// The deliverer's reads and writes of the outbox: each enabled endpoint's next delivery (its oldest
// undelivered one in log order), an attempt's outcome, and the retention of what was delivered.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';

export type Head = {
  readonly id: bigint; readonly tenantId: string; readonly endpointId: string; readonly streamId: string; readonly version: number;
  readonly position: bigint; readonly attempts: number; readonly nextAttemptAt: Date | null; readonly failingSince: Date | null;
  readonly url: string; readonly secret: string;
};

type HeadRow = {
  id: bigint; tenant_id: string; endpoint_id: string; stream_id: string; version: number; position: bigint; attempts: number;
  next_attempt_at: Date | null; failing_since: Date | null; url: string; secret: string;
};

/** Delivered deliveries (and their attempts) are kept this long, for the log and for replays. */
export const DELIVERED_KEPT_DAYS = 30;
/** What is kept of a receiver's answer. */
export const EXCERPT_CHARS = 200;

/** The next delivery of every enabled endpoint that has one (and a secret), due or not; or of one endpoint. */
export async function heads(db: Db, only?: { tenantId: string; endpointId: string }): Promise<Head[]> {
  const rows = await db.$queryRaw<HeadRow[]>`
    SELECT DISTINCT ON (d.tenant_id, d.endpoint_id)
      d.id, d.tenant_id, d.endpoint_id, d.stream_id, d.version, d.position, d.attempts, d.next_attempt_at, d.failing_since, e.url, s.secret
    FROM webhook_deliveries d
    JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.endpoint_id = d.endpoint_id AND e.enabled
    JOIN webhook_secrets s ON s.tenant_id = d.tenant_id AND s.endpoint_id = d.endpoint_id
    WHERE NOT d.delivered
      ${only ? Prisma.sql`AND d.tenant_id = ${only.tenantId} AND d.endpoint_id = ${only.endpointId}` : Prisma.empty}
    ORDER BY d.tenant_id, d.endpoint_id, d.tx_id, d.position`;
  return rows.map((row) => ({
    id: BigInt(row.id), tenantId: row.tenant_id, endpointId: row.endpoint_id, streamId: row.stream_id, version: row.version, position: BigInt(row.position),
    attempts: row.attempts, nextAttemptAt: row.next_attempt_at, failingSince: row.failing_since, url: row.url, secret: row.secret,
  }));
}

export const isDue = (head: Head, now: Date) => head.nextAttemptAt === null || head.nextAttemptAt.getTime() <= now.getTime();

export type Attempt = { readonly at: Date; readonly statusCode: number | null; readonly latencyMs: number; readonly ok: boolean; readonly excerpt: string };

/** Records an attempt; a failed one sets when the delivery is tried next. Returns since when it has been failing (null when delivered). */
export async function recordAttempt(db: Db, head: Head, attempt: Attempt, nextAttemptAt: Date): Promise<Date | null> {
  const failingSince = attempt.ok ? null : (head.failingSince ?? attempt.at);
  await db.$transaction([
    db.webhookAttempt.create({
      data: {
        deliveryId: head.id, tenantId: head.tenantId, endpointId: head.endpointId, attemptedAt: attempt.at, statusCode: attempt.statusCode,
        latencyMs: attempt.latencyMs, ok: attempt.ok, excerpt: attempt.excerpt.slice(0, EXCERPT_CHARS),
      },
    }),
    db.webhookDelivery.update({
      where: { id: head.id },
      data: attempt.ok
        ? { delivered: true, deliveredAt: attempt.at, attempts: { increment: 1 }, nextAttemptAt: null, failingSince: null }
        : { attempts: { increment: 1 }, nextAttemptAt, failingSince },
    }),
  ]);
  return failingSince;
}

/** Deletes what was delivered more than the retention ago (attempts go with their delivery). */
export async function pruneDelivered(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DELIVERED_KEPT_DAYS * 24 * 60 * 60 * 1000);
  return db.$executeRaw`DELETE FROM webhook_deliveries WHERE delivered AND delivered_at < ${before}`;
}
