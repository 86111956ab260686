// Read-side queries over the daily figures: what the analytics page shows for a range of whole UTC
// days, read from one scope's rows. Each query is scoped to one tenant.
export { callbacksByAgent } from './queries-callbacks';
export { conversionsPerBucket, statusChanges } from './queries-changes';
export { durationsByStatus } from './queries-durations';
export type { DayWindow } from './queries-sql';
