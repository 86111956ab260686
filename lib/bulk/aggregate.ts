// A bulk change's own stream as the system registers it (lib/system/aggregates.ts).
import { defineAggregate } from '@/lib/commands/aggregate';
import { BULK_EVENTS, BULK_STREAM_TYPE, decideBulk, evolveBulk, initialBulkState, type BulkCommand, type BulkEvent, type BulkState } from './bulk-stream';

export const bulkAggregate = defineAggregate<BulkCommand, BulkEvent, BulkState>({
  streamType: BULK_STREAM_TYPE,
  events: BULK_EVENTS,
  decider: { decide: decideBulk, evolve: evolveBulk, initialState: initialBulkState },
  // Two resumes of the same batch from the same version: the second is refused, the first runs.
  conflictsWith: (command, event) => command.type === 'ResumeBulkChange' && (event.type === 'BulkChangeResumed' || event.type === 'BulkChangeFinished'),
  snapshots: { shape: 1 },
});
