// Read-your-writes: a command returns the position of its last event; a query that must show that
// change waits (bounded) until the projection has applied it, and says so when it gives up.
import type { Db } from '@/lib/db/client';

export type WaitResult = { caughtUp: boolean; waitedMs: number };

export async function waitForProjection(
  db: Db,
  projection: string,
  position: bigint,
  { timeoutMs = 2000, pollMs = 20 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<WaitResult> {
  const started = Date.now();
  for (;;) {
    if (await hasApplied(db, projection, position)) return { caughtUp: true, waitedMs: Date.now() - started };
    if (Date.now() - started >= timeoutMs) return { caughtUp: false, waitedMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Checkpoints are (transaction id, position) pairs: compare the event's pair, not its position alone. */
async function hasApplied(db: Db, projection: string, position: bigint): Promise<boolean> {
  const rows = await db.$queryRaw<{ applied: boolean }[]>`
    SELECT (c.tx_id, c.position) >= (e.tx_id, e.position) AS applied
    FROM events e JOIN projection_checkpoints c ON c.name = ${projection}
    WHERE e.position = ${position}`;
  return rows[0]?.applied ?? false;
}
