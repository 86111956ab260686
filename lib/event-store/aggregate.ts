// Folding a stream into state: from the latest snapshot plus its tail, or from the start up to a
// version or a moment (time travel).
import type { StoreContext } from './context';
import { readStream } from './read-stream';
import { snapshotAndTail } from './snapshots';

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
};

export function fold<State>(evolver: Evolver<State>, state: State, events: readonly { type: string; data: unknown }[]): State {
  return events.reduce((current, event) => evolver.evolve(current, event), state);
}

/**
 * `snapshotShape`: the version of the state's shape that snapshots must have been saved with;
 * without it, the stream is replayed from its first event.
 */
export async function loadState<State>(
  ctx: StoreContext,
  tenantId: string,
  streamId: string,
  evolver: Evolver<State>,
  { snapshotShape }: { snapshotShape?: number } = {},
): Promise<LoadedState<State>> {
  const { snapshot, tail } = snapshotShape === undefined
    ? { snapshot: null, tail: await readStream(ctx, tenantId, streamId) }
    : await snapshotAndTail<State>(ctx, tenantId, streamId, snapshotShape);
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
  const events = await readStream(ctx, tenantId, streamId, at);
  return {
    state: fold(evolver, evolver.initialState(), events),
    version: events[events.length - 1]?.version ?? 0,
    snapshotVersion: 0,
  };
}
