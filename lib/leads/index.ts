// The Lead decider as one value, for the command handler and the projections.
import { conflictsWith } from './conflicts';
import { decide, type LeadCommand } from './decide';
import { evolve, initialState, LEAD_STATE_VERSION, type Lead, type LeadEvent } from './lead';

export const LEAD_STREAM_TYPE = 'lead';

export const leadDecider = {
  decide,
  evolve: (state: Lead, event: { type: string; data: unknown }) => evolve(state, event as LeadEvent),
  initialState,
  conflictsWith: (command: LeadCommand, event: { type: string }) => conflictsWith(command, event),
  stateVersion: LEAD_STATE_VERSION,
};

export * from './lead';
export * from './decide';
export { collidingEventTypes, conflictsWith } from './conflicts';
export { leadEventSchemas } from './upcasters';
