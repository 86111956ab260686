// Read-side queries over the status history read model (status_periods, follow_ups). Every figure is
// aggregated in SQL; each query is scoped to one tenant.
export { leadCallbacks, leadTimeline, timeInStatusForLead, type LeadCallback, type StatusTime, type TimelinePeriod } from './queries-lead';
export { statusDurationStats, type DurationFilter, type DurationGrouping, type DurationStats } from './queries-durations';
export { transitionCounts, type FollowUpFunnel, type TransitionCount, type TransitionFilter, type TransitionReport } from './queries-transitions';
export {
  callbackLateness, mostOverdueCallbacks, type AgentLateness, type CallbackOutcome, type LatenessFilter, type OverdueCallback,
} from './queries-callbacks';
export {
  conversionsOverTime, leadsWaitingLongest, WAITING_STATUSES, type Bucket, type ConversionBucket, type ConversionFilter, type WaitingLead,
} from './queries-conversions';
export type { ActorAndSource, TimeWindow } from './queries-sql';
