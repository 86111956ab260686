// Every figure of the analytics page for one set of filters: the sums per day from the daily figures
// read model, and the leads waiting now from the status history. The page, its CSV downloads, the
// benchmark and the recomputation test all call this.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { callbacksByAgent, conversionsPerBucket, durationsByStatus, statusChanges } from '@/lib/read/daily-figures/queries';
import {
  leadsWaitingLongest, type AgentLateness, type Bucket, type ConversionBucket, type DurationStats, type TransitionReport, type WaitingLead,
} from '@/lib/read/status-history/queries';
import { bucketOf, windowOf, type AnalyticsFilters } from './filters';

export const WAITING_LIMIT = 20;

export type AnalyticsReport = {
  readonly filters: AnalyticsFilters;
  /** The moment open periods and callbacks were judged at. */
  readonly asOf: string;
  readonly bucket: Bucket;
  readonly timeInStatus: readonly DurationStats[];
  readonly transitions: TransitionReport;
  readonly conversions: readonly ConversionBucket[];
  readonly callbacks: readonly AgentLateness[];
  readonly waiting: readonly WaitingLead[];
};

export async function loadAnalyticsReport(db: Db, tenantId: string, filters: AnalyticsFilters, { now = new Date() } = {}): Promise<AnalyticsReport> {
  const window = windowOf(filters);
  const who = { agent: filters.agent ?? undefined, source: filters.source ?? undefined };
  const bucket = bucketOf(filters);
  const [timeInStatus, transitions, conversions, callbacks, waiting] = await Promise.all([
    durationsByStatus(db, tenantId, { ...window, ...who }),
    statusChanges(db, tenantId, { ...window, ...who }),
    conversionsPerBucket(db, tenantId, { ...window, ...who, bucket }),
    callbacksByAgent(db, tenantId, { ...window, ...who, now }),
    leadsWaitingLongest(db, tenantId, { ...who, now, limit: WAITING_LIMIT }),
  ]);
  return { filters, asOf: now.toISOString(), bucket, timeInStatus, transitions, conversions, callbacks, waiting };
}
