// What an aggregate registers (lib/system/aggregates.ts lists them): its stream type, its event
// types with their schemas and upcasters, its decider, its conflict rules and the shape version of
// its snapshots. The store, the projection engine and the export know aggregates only through this.
import type { EventDefinitions, EventStore, Evolver, LoadedState, LoadOptions } from '@/lib/event-store';

export type Decider<Command, Event extends { type: string; data: unknown }, State> = {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
};

export type Aggregate<Command, Event extends { type: string; data: unknown }, State> = {
  readonly streamType: string;
  /** Every event type the decider can produce, by name. */
  readonly events: EventDefinitions;
  readonly decider: Decider<Command, Event, State>;
  /** Whether `event`, written after the version a command was based on, collides with it. */
  conflictsWith(command: Command, event: { type: string }): boolean;
  readonly snapshots: {
    /** Bump when State changes shape: stored snapshots of the old shape are then ignored. */
    readonly shape: number;
    /** Save one after this many events since the last (the handler's default otherwise). */
    readonly every?: number;
  };
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAggregate = Aggregate<any, any, any>;

export const defineAggregate = <Command, Event extends { type: string; data: unknown }, State>(aggregate: Aggregate<Command, Event, State>) => aggregate;

/** An aggregate's stream as its decider sees it: from its latest snapshot (unless told not to) plus the events after it. */
export function loadAggregate<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State>,
  tenantId: string,
  streamId: string,
  { fromSnapshot = true, command }: { fromSnapshot?: boolean; command?: LoadOptions['command'] } = {},
): Promise<LoadedState<State>> {
  // The store has checked every event it reads against the aggregate's own schemas.
  const evolver = aggregate.decider as unknown as Evolver<State>;
  return store.loadState(tenantId, streamId, evolver, { snapshotShape: fromSnapshot ? aggregate.snapshots.shape : undefined, command });
}
