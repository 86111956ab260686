// The export horizon: a position H such that every event at or below H is settled (committed or
// rolled back), so "position > after AND position <= H ORDER BY position" never steps past an
// event that commits later. readAll's (tx_id, position) order gives the same guarantee, but not
// positions in increasing order, which is what an export's `after` needs.
//
// Every append takes APPEND_LOCK_KEY (shared) before it draws a position. So: read the sequence's
// value H first, then the transactions holding the lock. A transaction that drew a position <= H
// drew it before H was read, so it already held the lock and is in that list. Once every one of
// them has ended, nothing at or below H can still appear.
import { StandbyBehindError, type ReadRouting } from '@/lib/db/replica';
import { pgQuery, type PgQueryable } from '@/lib/db/sql';
import { Prisma } from '@/lib/generated/prisma/client';
import { APPEND_LOCK_KEY } from './append-lock';

export class HorizonTimeoutError extends Error {
  constructor(readonly waitedMs: number, readonly pending: number) {
    super(`${pending} append(s) still in progress after ${waitedMs} ms`);
    this.name = 'HorizonTimeoutError';
  }
}

export type HorizonOptions = {
  /** How long to wait for appends in flight before giving up (ms). */
  readonly budgetMs?: number;
  readonly pollMs?: number;
};

export async function exportHorizon(client: PgQueryable, { budgetMs = 5000, pollMs = 20 }: HorizonOptions = {}): Promise<bigint> {
  const rows = await pgQuery<{ last_value: string; is_called: boolean }>(
    client,
    Prisma.sql`SELECT last_value::text AS last_value, is_called FROM events_position_seq`,
  );
  const horizon = rows[0]!.is_called ? BigInt(rows[0]!.last_value) : BigInt(rows[0]!.last_value) - 1n;
  const holders = await appendLockHolders(client);
  const started = Date.now();
  let pending = holders;
  while (pending.length > 0) {
    const waited = Date.now() - started;
    if (waited >= budgetMs) throw new HorizonTimeoutError(waited, pending.length);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, budgetMs - waited)));
    const still = new Set(await appendLockHolders(client));
    pending = pending.filter((holder) => still.has(holder));
  }
  return horizon;
}

/**
 * The horizon for an export read on a hot standby. The standby's pg_locks show none of the
 * primary's appends, so the horizon is settled on the primary; then the standby is waited for
 * until it has replayed the primary's WAL up to the moment every append at or below the horizon
 * had ended, so each of those events is on the standby too. Both waits share the budget.
 */
export async function standbyHorizon(
  primary: PgQueryable,
  routing: Pick<ReadRouting, 'commitPoint' | 'replayed'>,
  { budgetMs = 5000, pollMs = 20 }: HorizonOptions = {},
): Promise<bigint> {
  const started = Date.now();
  const horizon = await exportHorizon(primary, { budgetMs, pollMs });
  const settled = await routing.commitPoint();
  if (settled && !(await routing.replayed(settled, Math.max(0, budgetMs - (Date.now() - started))))) throw new StandbyBehindError(Date.now() - started);
  return horizon;
}

/** Virtual transaction ids (unique per transaction, unlike backend pids) holding or awaiting the lock. */
async function appendLockHolders(client: PgQueryable): Promise<string[]> {
  // A one-bigint advisory lock shows as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
  const rows = await pgQuery<{ vxid: string }>(
    client,
    Prisma.sql`SELECT virtualtransaction AS vxid FROM pg_locks
     WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND classid = 0 AND objid = ${APPEND_LOCK_KEY} AND objsubid = 1 AND pid <> pg_backend_pid()`,
  );
  return rows.map((row) => row.vxid);
}
