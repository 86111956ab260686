import type { Checkpoint, Tx } from '@/lib/event-store';
import type { Db } from '@/lib/db/client';

type Client = Tx | Db;

export type StoredCheckpoint = Checkpoint & { eventsApplied: bigint };

/** The projection's checkpoint (created at the start of the log on first use). */
export async function readCheckpoint(client: Client, name: string): Promise<StoredCheckpoint> {
  await client.$executeRaw`INSERT INTO projection_checkpoints (name) VALUES (${name}) ON CONFLICT DO NOTHING`;
  const rows = await client.$queryRaw<{ tx_id: string; position: bigint; events_applied: bigint }[]>`
    SELECT tx_id::text AS tx_id, position, events_applied FROM projection_checkpoints WHERE name = ${name}`;
  const row = rows[0]!;
  return { txId: BigInt(row.tx_id), position: BigInt(row.position), eventsApplied: BigInt(row.events_applied) };
}

export async function writeCheckpoint(client: Client, name: string, checkpoint: Checkpoint, eventsApplied: bigint): Promise<void> {
  await client.$executeRaw`
    INSERT INTO projection_checkpoints (name, tx_id, position, events_applied)
    VALUES (${name}, ${checkpoint.txId.toString()}::text::xid8, ${checkpoint.position}, ${eventsApplied})
    ON CONFLICT (name) DO UPDATE
      SET tx_id = excluded.tx_id, position = excluded.position, events_applied = excluded.events_applied, updated_at = now()`;
}

/**
 * The key both a projector's batch and a rebuild's swap lock (transaction-level), so a swap waits
 * for the batch in flight and the projector's next batch sees the swapped tables.
 */
export async function lockProjection(tx: Tx, name: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`leadstream:projection:${name}`}))`;
}
