// How long leads stay in each status: count, mean and percentiles of completed periods, overall or
// per agent, day or week. Open periods are left out: their length is not known yet.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LeadStatus } from '@/lib/leads/lead';
import { byAgent, fromSource, inWindow, statusOrder, type ActorAndSource, type TimeWindow } from './queries-sql';

export type DurationGrouping = 'status' | 'agent' | 'day' | 'week';

export type DurationFilter = TimeWindow & ActorAndSource & {
  readonly groupBy: DurationGrouping;
};

export type DurationStats = {
  readonly status: LeadStatus;
  /** The agent who moved the lead into the status, or the UTC day / ISO week (its Monday) it was entered, as YYYY-MM-DD; null when grouped by status only. */
  readonly group: string | null;
  readonly count: number;
  readonly averageSeconds: number;
  readonly medianSeconds: number;
  readonly p90Seconds: number;
  readonly p95Seconds: number;
};

const GROUP_KEYS: Record<DurationGrouping, Prisma.Sql> = {
  status: Prisma.sql`NULL::text`,
  agent: Prisma.sql`p.entered_by`,
  day: Prisma.sql`to_char(date_trunc('day', p.entered_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`,
  week: Prisma.sql`to_char(date_trunc('week', p.entered_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`,
};

/** Periods are picked by when they were entered: `from` inclusive, `to` exclusive. */
export async function statusDurationStats(db: Db, tenantId: string, filter: DurationFilter): Promise<DurationStats[]> {
  const { groupBy, agent, source } = filter;
  return db.$queryRaw<DurationStats[]>`
    SELECT p.status, ${GROUP_KEYS[groupBy]} AS "group", count(*)::int AS count,
      avg(p.duration_seconds) AS "averageSeconds",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY p.duration_seconds) AS "medianSeconds",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY p.duration_seconds) AS "p90Seconds",
      percentile_cont(0.95) WITHIN GROUP (ORDER BY p.duration_seconds) AS "p95Seconds"
    FROM status_periods p
    ${fromSource('p', source)}
    WHERE p.tenant_id = ${tenantId} AND p.duration_seconds IS NOT NULL
      ${inWindow('p.entered_at', filter)} ${byAgent('p.entered_by', agent)}
    GROUP BY p.status, 2
    ORDER BY 2 NULLS LAST, ${statusOrder('p.status')}`;
}
