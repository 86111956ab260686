// Staff access as the system registers it (lib/system/aggregates.ts).
import { defineAggregate } from '@/lib/commands/aggregate';
import { defineEvents } from '@/lib/event-store';
import { decideStaff, evolveStaff, initialStaffState, STAFF_EVENT_SCHEMAS, STAFF_STREAM_TYPE, type StaffCommand, type StaffEvent, type StaffState } from './staff';

export const staffAggregate = defineAggregate<StaffCommand, StaffEvent, StaffState>({
  streamType: STAFF_STREAM_TYPE,
  events: defineEvents(STAFF_EVENT_SCHEMAS),
  decider: { decide: decideStaff, evolve: evolveStaff, initialState: initialStaffState },
  // Commands apply to the current state (no expected version): there is nothing to merge.
  conflictsWith: () => false,
  snapshots: { shape: 1 },
});
