// The do-not-call list as the system registers it (lib/system/aggregates.ts).
import { defineAggregate } from '@/lib/commands/aggregate';
import { defineEvents } from '@/lib/event-store';
import { decideDnc, DNC_EVENT_SCHEMAS, DNC_STREAM_TYPE, evolveDnc, initialDncState, type DncCommand, type DncEvent, type DncState } from './do-not-call';

export const dncAggregate = defineAggregate<DncCommand, DncEvent, DncState>({
  streamType: DNC_STREAM_TYPE,
  events: defineEvents(DNC_EVENT_SCHEMAS),
  decider: { decide: decideDnc, evolve: evolveDnc, initialState: initialDncState },
  // Commands apply to the number as it is now (no expected version): blocking a blocked number or
  // unblocking a free one is refused by the decider itself.
  conflictsWith: () => false,
  snapshots: { shape: 1 },
});
