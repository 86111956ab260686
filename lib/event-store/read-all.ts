// Global reads in gap-safe order. Positions come from a sequence at insert time but rows become
// visible at commit, so "position > checkpoint" would step past an event whose transaction is
// still open. Instead read only events of transactions older than the oldest one still running
// (pg_snapshot_xmin), ordered by (transaction id, position): nothing can appear behind that line.
import { Prisma } from '@/lib/generated/prisma/client';
import type { StoreContext, Tx } from './context';
import { EVENT_COLUMNS, decodeRows, type EventRow } from './rows';
import type { Checkpoint, StoredEvent } from './types';

export type ReadAllResult = {
  readonly events: StoredEvent[];
  /** Where the next read starts: the last event's pair, or the given checkpoint if none came. */
  readonly checkpoint: Checkpoint;
};

export type ReadAllOptions = {
  readonly limit?: number;
  readonly tenantId?: string;
  /** Read inside this transaction (a projector reads and writes its batch in one). */
  readonly client?: Tx;
};

export async function readAll(ctx: StoreContext, after: Checkpoint, options: ReadAllOptions = {}): Promise<ReadAllResult> {
  const { limit = 1000, tenantId, client = ctx.db } = options;
  const rows = await client.$queryRaw<EventRow[]>`
    SELECT ${EVENT_COLUMNS} FROM events
    WHERE (tx_id, position) > (${after.txId.toString()}::text::xid8, ${after.position})
      AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
      ${tenantId === undefined ? Prisma.empty : Prisma.sql`AND tenant_id = ${tenantId}`}
    ORDER BY events.tx_id, events.position
    LIMIT ${limit}`;
  const events = await decodeRows(ctx, rows, client);
  const last = events[events.length - 1];
  return { events, checkpoint: last ? { txId: last.txId, position: last.position } : after };
}

/**
 * A checkpoint at the log's present: every transaction older than the oldest one still running
 * lies behind it, the rest (those running now and those to come) in front. A reader that starts
 * here sees what commits from now on, and possibly a few events committed a moment ago.
 */
export async function presentCheckpoint(ctx: StoreContext): Promise<Checkpoint> {
  const rows = await ctx.db.$queryRaw<{ xmin: string }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;
  return { txId: BigInt(rows[0]!.xmin) - 1n, position: MAX_POSITION };
}

const MAX_POSITION = 2n ** 63n - 1n;

/** The newest position in the log, committed or not: what "caught up" is measured against. */
export async function headPosition(ctx: StoreContext): Promise<bigint> {
  const rows = await ctx.db.$queryRaw<{ head: bigint | null }[]>`SELECT max(position) AS head FROM events`;
  return BigInt(rows[0]?.head ?? 0);
}
