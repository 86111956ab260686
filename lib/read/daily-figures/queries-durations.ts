// Time in each status from the daily histograms: count and mean from the sums; each percentile
// exact, by finding its rank's bucket in the histogram and reading that bucket's values back in
// duration order from status_period_lengths (one bucket is a thin slice of the index).
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/leads/lead';
import type { ActorAndSource, DurationStats } from '@/lib/read/status-history/queries';
import { bucketRange, locateRank, percentileRanks } from './buckets';
import { inDays, inScope, type DayWindow } from './queries-sql';

const PERCENTILES = { medianSeconds: 0.5, p90Seconds: 0.9, p95Seconds: 0.95 } as const;

type Histogram = { status: LeadStatus; periods: number; seconds: number; counts: Map<number, number> };

/** Completed periods entered in the window (by `agent`, of leads from `source`), per status. */
export async function durationsByStatus(db: Db, tenantId: string, filter: DayWindow & ActorAndSource): Promise<DurationStats[]> {
  const rows = await db.$queryRaw<{ status: LeadStatus; bucket: number; periods: number; seconds: number }[]>`
    SELECT status, bucket, sum(periods)::int AS periods, (sum(milliseconds) / 1000)::float8 AS seconds
    FROM daily_status_durations
    WHERE tenant_id = ${tenantId} AND ${inScope(filter)} ${inDays('day', filter)}
    GROUP BY status, bucket
    HAVING sum(periods) > 0`;
  const histograms = new Map<LeadStatus, Histogram>();
  for (const row of rows) {
    const histogram = histograms.get(row.status) ?? { status: row.status, periods: 0, seconds: 0, counts: new Map() };
    histogram.periods += row.periods;
    histogram.seconds += row.seconds;
    histogram.counts.set(row.bucket, row.periods);
    histograms.set(row.status, histogram);
  }
  const ordered = LEAD_STATUSES.flatMap((status) => histograms.get(status) ?? []);
  const values = await valuesAtRanks(db, tenantId, filter, ordered.flatMap((histogram) => ranksNeeded(histogram)));
  return ordered.map((histogram) => {
    const percentile = (fraction: number) => {
      const { lower, upper, weight } = percentileRanks(histogram.periods, fraction);
      const low = values.get(rankKey(histogram.status, lower))!;
      return low + (values.get(rankKey(histogram.status, upper))! - low) * weight;
    };
    return {
      status: histogram.status, group: null, count: histogram.periods, averageSeconds: histogram.seconds / histogram.periods,
      medianSeconds: percentile(PERCENTILES.medianSeconds), p90Seconds: percentile(PERCENTILES.p90Seconds), p95Seconds: percentile(PERCENTILES.p95Seconds),
    };
  });
}

type RankRequest = { status: LeadStatus; rank: number; low: number; high: number; skip: number };
const rankKey = (status: string, rank: number) => `${status}\u0000${rank}`;

function ranksNeeded(histogram: Histogram): RankRequest[] {
  const ranks = new Set(Object.values(PERCENTILES).flatMap((fraction) => {
    const { lower, upper } = percentileRanks(histogram.periods, fraction);
    return [lower, upper];
  }));
  return [...ranks].map((rank) => {
    const { bucket, skip } = locateRank(histogram.counts, rank);
    return { status: histogram.status, rank, skip, ...bucketRange(bucket) };
  });
}

/** The duration at each requested rank, each read from its bucket's slice of the index. */
async function valuesAtRanks(db: Db, tenantId: string, filter: DayWindow & ActorAndSource, requests: readonly RankRequest[]): Promise<Map<string, number>> {
  if (requests.length === 0) return new Map();
  const { from, to, agent, source } = filter;
  const rows = await db.$queryRaw<{ status: string; rank: number; value: number }[]>`
    SELECT r.status, r.rank, v.duration_seconds AS value
    FROM jsonb_to_recordset(${JSON.stringify(requests)}::jsonb) AS r(status text, rank int, low float8, high float8, skip int)
    CROSS JOIN LATERAL (
      SELECT l.duration_seconds FROM status_period_lengths l
      WHERE l.tenant_id = ${tenantId} AND l.status = r.status AND l.duration_seconds >= r.low AND l.duration_seconds < r.high
        AND l.entered_at >= ${from} AND l.entered_at < ${to}
        ${agent === undefined ? Prisma.empty : Prisma.sql`AND l.entered_by = ${agent}`}
        ${source === undefined ? Prisma.empty : Prisma.sql`AND l.source = ${source}`}
      ORDER BY l.duration_seconds
      OFFSET r.skip LIMIT 1
    ) v`;
  if (rows.length !== requests.length) throw new Error('The period lengths disagree with the daily histograms');
  return new Map(rows.map((row) => [rankKey(row.status, row.rank), row.value]));
}
