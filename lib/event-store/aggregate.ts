// Folding a stream into state: from the latest snapshot plus its tail, or from the start up to a
// version or a moment (time travel).
import { commandResultOf, findCommandResult } from './command-log';
import type { StoreContext } from './context';
import { readStream } from './read-stream';
import { snapshotAndTail } from './snapshots';
import type { AppendResult } from './types';

/** How events build a state: an aggregate's `initialState` and `evolve`. */
export type Evolver<State> = {
  initialState(): State;
  evolve(state: State, event: { type: string; data: unknown }): State;
};

export type LoadedState<State> = {
  readonly state: State;
  /** Version of the last event folded in (0 for a stream with no events). */
  readonly version: number;
  /** Version of the snapshot the load started from (0 when it replayed from the start). */
  readonly snapshotVersion: number;
  /** Loaded for a command (LoadOptions.command): its result if it was carried out already, else null. */
  readonly previous?: AppendResult | null;
  /** Loaded for a command: what the inline read models read with the stream, for its append (AppendOptions.carried). */
  readonly carried?: CarriedRows;
};

/** The rows inline read models fold a stream's next events onto, read at `version` (InlineProjection.carriedSql). */
export type CarriedRows = {
  readonly tenantId: string;
  readonly streamId: string;
  readonly version: number;
  readonly byProjection: Readonly<Record<string, unknown>>;
};

export type LoadOptions = {
  /** The version of the state's shape snapshots must have been saved with; without it, the stream is replayed from its first event. */
  readonly snapshotShape?: number;
  /** Loading to carry out this command: its row of the command log and the inline read models' rows come in the same statement. */
  readonly command?: { readonly id: string; readonly hash?: string };
};

export function fold<State>(evolver: Evolver<State>, state: State, events: readonly { type: string; data: unknown }[]): State {
  return events.reduce((current, event) => evolver.evolve(current, event), state);
}

export async function loadState<State>(
  ctx: StoreContext,
  tenantId: string,
  streamId: string,
  evolver: Evolver<State>,
  { snapshotShape, command }: LoadOptions = {},
): Promise<LoadedState<State>> {
  if (snapshotShape === undefined) {
    const [previous, tail] = await Promise.all([
      command ? findCommandResult(ctx, tenantId, command.id, command.hash) : undefined,
      readStream(ctx, tenantId, streamId),
    ]);
    return { ...folded(evolver, null, tail), ...(command ? { previous } : {}) };
  }
  const { snapshot, tail, extras } = await snapshotAndTail<State>(ctx, tenantId, streamId, snapshotShape, command?.id);
  const loaded = folded(evolver, snapshot, tail);
  if (!command) return loaded;
  return {
    ...loaded,
    previous: commandResultOf(extras.command, command.hash),
    carried: { tenantId, streamId, version: loaded.version, byProjection: extras.carried },
  };
}

function folded<State>(evolver: Evolver<State>, snapshot: { version: number; state: State } | null, tail: readonly { version: number; type: string; data: unknown }[]): LoadedState<State> {
  const start = snapshot ?? { version: 0, state: evolver.initialState() };
  return {
    state: fold(evolver, start.state, tail),
    version: tail[tail.length - 1]?.version ?? start.version,
    snapshotVersion: snapshot?.version ?? 0,
  };
}

/** The state as of a version or a moment, replayed from the events (never from a snapshot). */
export async function stateAt<State>(
  ctx: StoreContext,
  tenantId: string,
  streamId: string,
  evolver: Evolver<State>,
  at: { toVersion?: number; asOf?: Date },
): Promise<LoadedState<State>> {
  return folded(evolver, null, await readStream(ctx, tenantId, streamId, at));
}
