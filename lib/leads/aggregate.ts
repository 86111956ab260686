// The Lead as the system registers it (lib/system/aggregates.ts): its stream type, its events with
// their schemas and upcasters, its decider and its conflict rules.
import { defineAggregate } from '@/lib/commands/aggregate';
import type { StoredEvent, VersionedEvent } from '@/lib/event-store';
import { conflictsWith } from './conflicts';
import { decide, type LeadCommand } from './decide';
import { evolve, initialState, isLeadEventOfType, LEAD_EVENTS, type Lead, type LeadEvent } from './lead';

export const LEAD_STREAM_TYPE = 'lead';

export const leadAggregate = defineAggregate<LeadCommand, LeadEvent, Lead>({
  streamType: LEAD_STREAM_TYPE,
  events: LEAD_EVENTS,
  decider: { decide, evolve, initialState },
  conflictsWith,
  // 2: the state became a union (`kind`) instead of `exists` with empty defaults.
  // 3: the dialing loop's part of the state (calls, retry, claim, do-not-call, time zone).
  // 4: merges (`mergedInto`, `lastMerge`).
  // 5: erasure of the person's data (`erased`).
  snapshots: { shape: 5, every: 100 },
});

/** A stored event of a lead, typed: the store has already upcast and checked its data against its schema. */
export function isLeadEvent<E extends VersionedEvent>(event: E): event is E & LeadEvent {
  return event.streamType === LEAD_STREAM_TYPE && isLeadEventOfType(event);
}
