// The Lead domain, pure: its values, events, state, decider and conflict rules.
export * from './lead';
export * from './decide';
export { collidingEventTypes, conflictsWith } from './conflicts';
export { isLeadEvent, LEAD_STREAM_TYPE, leadAggregate } from './aggregate';
export { fieldsOf } from './merge';
