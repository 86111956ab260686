// How far behind the log each projection is: what the status endpoint and the rebuild command show.
// Scoped to a tenant, it counts that tenant's events only and gives that tenant's positions, so
// nobody learns of another organisation's activity from it.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';

export type ProjectionLag = {
  name: string;
  kind: 'inline' | 'async';
  /** Global position of the last event (of the tenant, when scoped) the projection applied. */
  position: string;
  headPosition: string;
  eventsBehind: number;
  /** How long the oldest event it has not applied has been waiting (0 when caught up). */
  secondsBehind: number;
};

type Projections = { inline: readonly { name: string }[]; async: readonly { name: string }[] };

export async function projectionLag(db: Db, projections: Projections, { tenantId }: { tenantId?: string } = {}): Promise<ProjectionLag[]> {
  const ofTenant = tenantId === undefined ? Prisma.empty : Prisma.sql`AND e.tenant_id = ${tenantId}`;
  const headRows = await db.$queryRaw<{ head: bigint | null }[]>`
    SELECT (SELECT e.position FROM events e WHERE true ${ofTenant} ORDER BY e.position DESC LIMIT 1) AS head`;
  const head = BigInt(headRows[0]?.head ?? 0);
  const lags = await Promise.all(
    projections.async.map(async ({ name }) => {
      const rows = await db.$queryRaw<{ position: bigint | null; behind: bigint; oldest: Date | null }[]>`
        WITH c AS (
          SELECT coalesce(max(tx_id::text), '0')::xid8 AS tx_id, coalesce(max(position), 0) AS position
          FROM projection_checkpoints WHERE name = ${name}
        )
        SELECT (SELECT e.position FROM events e WHERE (e.tx_id, e.position) <= (c.tx_id, c.position) AND e.position <= c.position ${ofTenant}
                ORDER BY e.position DESC LIMIT 1) AS position,
               (SELECT count(*) FROM events e WHERE (e.tx_id, e.position) > (c.tx_id, c.position) ${ofTenant}) AS behind,
               (SELECT min(e.occurred_at) FROM events e WHERE (e.tx_id, e.position) > (c.tx_id, c.position) ${ofTenant}) AS oldest
        FROM c`;
      const row = rows[0];
      const behind = Number(row?.behind ?? 0);
      const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
      return {
        name,
        kind: 'async' as const,
        position: String(row?.position ?? 0),
        headPosition: head.toString(),
        eventsBehind: behind,
        secondsBehind: behind > 0 && oldest !== null ? Math.max(0, (Date.now() - oldest) / 1000) : 0,
      };
    }),
  );
  const inline = projections.inline.map(({ name }) => ({ name, kind: 'inline' as const, position: head.toString(), headPosition: head.toString(), eventsBehind: 0, secondsBehind: 0 }));
  return [...inline, ...lags];
}

/** The oldest transaction on the server that has written something: the one the gap-safe reads wait for. */
export type OpenTransaction = {
  readonly ageSeconds: number;
  readonly startedAt: Date;
  /** What the session calls itself (`leadstream-projector`, `psql`, ...), or '' when it does not say. */
  readonly application: string;
  /** `active`, `idle in transaction`, ... */
  readonly state: string;
};

export async function oldestWritingTransaction(db: Db): Promise<OpenTransaction | null> {
  // Cluster-wide on purpose: a writing transaction in any database holds back the snapshot's xmin.
  // Only its age and the name it gives are shown, never what it runs: it may be another tenant's.
  const rows = await db.$queryRaw<{ age: number; started_at: Date; application: string | null; state: string | null }[]>`
    SELECT extract(epoch FROM clock_timestamp() - xact_start)::float8 AS age, xact_start AS started_at,
           application_name AS application, state
    FROM pg_stat_activity
    WHERE backend_xid IS NOT NULL AND xact_start IS NOT NULL AND pid <> pg_backend_pid()
    ORDER BY xact_start LIMIT 1`;
  const row = rows[0];
  return row ? { ageSeconds: row.age, startedAt: new Date(row.started_at), application: row.application ?? '', state: row.state ?? '' } : null;
}
