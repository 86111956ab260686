// Read-side queries over the status history read model (status_periods, follow_ups). Every figure is
// aggregated in SQL; each query is scoped to one tenant.
export { leadTimeline, timeInStatusForLead, type StatusTime, type TimelinePeriod } from './queries-lead';
export { statusDurationStats, type DurationFilter, type DurationGrouping, type DurationStats } from './queries-durations';
export { transitionCounts, type FollowUpFunnel, type TransitionCount, type TransitionReport } from './queries-transitions';
export { callbackLateness, mostOverdueCallbacks, type AgentLateness, type LatenessFilter, type OverdueCallback } from './queries-callbacks';
export type { TimeWindow } from './queries-sql';
