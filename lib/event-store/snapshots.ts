// Long streams load from their latest snapshot plus the events after it. A snapshot records the
// version of the state's shape: when the shape changes, old snapshots are ignored and rebuilt.
import type { StoreContext } from './context';

export type Snapshot<State> = { readonly version: number; readonly state: State };

export async function loadSnapshot<State>(
  ctx: StoreContext,
  tenantId: string,
  streamId: string,
  stateVersion: number,
): Promise<Snapshot<State> | null> {
  const rows = await ctx.db.$queryRaw<{ version: number; state: State }[]>`
    SELECT version, state FROM snapshots
    WHERE tenant_id = ${tenantId} AND stream_id = ${streamId} AND state_version = ${stateVersion}`;
  return rows[0] ?? null;
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
