// Long streams load from their latest snapshot plus the events after it. A snapshot records the
// version of the state's shape: when the shape changes, old snapshots are ignored and rebuilt.
import { PREPARED } from '@/lib/db/sql';
import { Prisma } from '@/lib/generated/prisma/client';
import type { StoreContext } from './context';
import { commandRowSql, type CommandRow } from './command-log';
import { EVENT_COLUMNS, decodeRows, type EventRow } from './rows';
import type { StoredEvent } from './types';

export type Snapshot<State> = { readonly version: number; readonly state: State };

/** What a command's load reads beside the stream, in the same statement (LoadOptions). */
export type LoadExtras = {
  /** The command's row of the command log (commandRowSql). */
  readonly command: CommandRow | null;
  /** By inline projection: the rows the stream's next events fold onto (InlineProjection.carriedSql). */
  readonly carried: Readonly<Record<string, unknown>>;
};

/**
 * The latest snapshot of the stream saved with this shape (or none) and the events after it, in one
 * statement: a command's load is one round trip. The stream's data key comes along, so opening the
 * tail needs no query of its own; given a command id, so do the command's row of the command log and
 * the rows the inline read models fold the stream's next events onto.
 */
export async function snapshotAndTail<State>(
  ctx: StoreContext,
  tenantId: string,
  streamId: string,
  stateVersion: number,
  commandId?: string,
): Promise<{ snapshot: Snapshot<State> | null; tail: StoredEvent[]; extras: LoadExtras }> {
  const key = ctx.personalData?.keySql(tenantId, streamId) ?? Prisma.sql`NULL::bytea`;
  const command = commandId === undefined ? Prisma.sql`NULL::jsonb` : commandRowSql(tenantId, commandId);
  const carriers = commandId === undefined ? [] : ctx.inlineProjections.flatMap((p) => (p.carriedSql ? [Prisma.sql`${p.name}::text, ${p.carriedSql(tenantId, streamId)}`] : []));
  const carried = carriers.length === 0 ? Prisma.sql`'{}'::jsonb` : Prisma.sql`jsonb_build_object(${Prisma.join(carriers)})`;
  // Prepared: planning this statement cost more than running it.
  const rows = await ctx.db.$queryRaw<(EventRow & { kind: 'side' | 'snapshot' | 'event'; stream_key: Uint8Array | null; command: CommandRow | null; carried: Record<string, unknown> | null })[]>`${PREPARED}SELECT 'side' AS kind, NULL::bigint AS position, NULL::text AS tx_id, NULL::text AS tenant_id, NULL::text AS stream_id, NULL::text AS stream_type,
           NULL::int AS version, NULL::text AS type, NULL::int AS schema_version, NULL::jsonb AS data, NULL::jsonb AS metadata,
           NULL::timestamptz AS occurred_at, ${key} AS stream_key, ${command} AS command, ${carried} AS carried
    UNION ALL
    SELECT 'snapshot', NULL, NULL, tenant_id, stream_id, NULL, version, NULL, state_version, state, '{}'::jsonb, NULL, NULL, NULL, NULL
    FROM snapshots WHERE tenant_id = ${tenantId} AND stream_id = ${streamId} AND state_version = ${stateVersion}
    UNION ALL
    (SELECT 'event', ${EVENT_COLUMNS}, NULL, NULL, NULL FROM events
     WHERE tenant_id = ${tenantId} AND stream_id = ${streamId}
       AND version > coalesce((SELECT version FROM snapshots WHERE tenant_id = ${tenantId} AND stream_id = ${streamId} AND state_version = ${stateVersion}), 0)
     ORDER BY version)`;
  const side = rows.find((row) => row.kind === 'side')!;
  const saved = rows.find((row) => row.kind === 'snapshot');
  return {
    snapshot: saved ? { version: saved.version, state: saved.data as State } : null,
    tail: await decodeRows(ctx, rows.filter((row) => row.kind === 'event').map((row) => ({ ...row, stream_key: side.stream_key }))),
    extras: { command: side.command, carried: side.carried ?? {} },
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
