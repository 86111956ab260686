// How far behind the log each projection is: what the status endpoint and the rebuild command show.
import type { Db } from '@/lib/db/client';

export type ProjectionLag = {
  name: string;
  kind: 'inline' | 'async';
  /** Global position of the last event the projection applied. */
  position: string;
  headPosition: string;
  eventsBehind: number;
  /** How long the oldest event it has not applied has been waiting (0 when caught up). */
  secondsBehind: number;
};

export async function projectionLag(db: Db, asyncNames: readonly string[], inlineNames: readonly string[]): Promise<ProjectionLag[]> {
  const headRows = await db.$queryRaw<{ head: bigint | null }[]>`SELECT max(position) AS head FROM events`;
  const head = BigInt(headRows[0]?.head ?? 0);
  const lags = await Promise.all(
    asyncNames.map(async (name) => {
      const rows = await db.$queryRaw<{ position: bigint | null; behind: bigint; oldest: Date | null }[]>`
        WITH c AS (
          SELECT coalesce(max(tx_id::text), '0')::xid8 AS tx_id, coalesce(max(position), 0) AS position
          FROM projection_checkpoints WHERE name = ${name}
        )
        SELECT c.position,
               (SELECT count(*) FROM events e WHERE (e.tx_id, e.position) > (c.tx_id, c.position)) AS behind,
               (SELECT min(e.occurred_at) FROM events e WHERE (e.tx_id, e.position) > (c.tx_id, c.position)) AS oldest
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
  const inline = inlineNames.map((name) => ({ name, kind: 'inline' as const, position: head.toString(), headPosition: head.toString(), eventsBehind: 0, secondsBehind: 0 }));
  return [...inline, ...lags];
}
