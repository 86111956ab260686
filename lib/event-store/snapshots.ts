// Long streams load from their latest snapshot plus the events after it. A snapshot records the
// version of the state's shape: when the shape changes, old snapshots are ignored and rebuilt.
import { Prisma } from '@/lib/generated/prisma/client';
import type { StoreContext } from './context';
import { EVENT_COLUMNS, decodeRows, type EventRow } from './rows';
import type { StoredEvent } from './types';

export type Snapshot<State> = { readonly version: number; readonly state: State };

/**
 * The latest snapshot of the stream saved with this shape (or none) and the events after it, in one
 * statement: a command's load is one round trip.
 */
export async function snapshotAndTail<State>(
  ctx: StoreContext,
  tenantId: string,
  streamId: string,
  stateVersion: number,
): Promise<{ snapshot: Snapshot<State> | null; tail: StoredEvent[] }> {
  // The stream's key comes along too, so opening the tail needs no query of its own.
  const key = ctx.personalData?.keySql(tenantId, streamId) ?? Prisma.sql`NULL::bytea`;
  const rows = await ctx.db.$queryRaw<(EventRow & { snapshot: boolean; stream_key: Uint8Array | null })[]>`
    SELECT true AS snapshot, NULL::bigint AS position, NULL::text AS tx_id, tenant_id, stream_id, NULL::text AS stream_type, version,
           NULL::text AS type, state_version AS schema_version, state AS data, '{}'::jsonb AS metadata, NULL::timestamptz AS occurred_at,
           ${key} AS stream_key
    FROM snapshots WHERE tenant_id = ${tenantId} AND stream_id = ${streamId} AND state_version = ${stateVersion}
    UNION ALL
    (SELECT false AS snapshot, ${EVENT_COLUMNS}, ${key} AS stream_key FROM events
     WHERE tenant_id = ${tenantId} AND stream_id = ${streamId}
       AND version > coalesce((SELECT version FROM snapshots WHERE tenant_id = ${tenantId} AND stream_id = ${streamId} AND state_version = ${stateVersion}), 0)
     ORDER BY version)`;
  const saved = rows.find((row) => row.snapshot);
  return {
    snapshot: saved ? { version: saved.version, state: saved.data as State } : null,
    tail: await decodeRows(ctx, rows.filter((row) => !row.snapshot)),
  };
}

/** Keeps the newer snapshot when two writers save one at once. */
export async function saveSnapshot<State>(
  ctx: StoreContext,
  tenantId: string,
  streamId: string,
  stateVersion: number,
  snapshot: Snapshot<State>,
): Promise<void> {
  await ctx.db.$executeRaw`
    INSERT INTO snapshots (tenant_id, stream_id, version, state_version, state)
    VALUES (${tenantId}, ${streamId}, ${snapshot.version}, ${stateVersion}, ${JSON.stringify(snapshot.state)}::jsonb)
    ON CONFLICT (tenant_id, stream_id) DO UPDATE
      SET version = excluded.version, state_version = excluded.state_version, state = excluded.state, created_at = now()
      WHERE snapshots.version < excluded.version OR snapshots.state_version <> excluded.state_version`;
}
