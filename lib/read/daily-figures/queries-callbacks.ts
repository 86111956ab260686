// Callbacks handled late or missed, per agent who set them, from the daily counts. A callback still
// open and unhandled is missed once its due time has passed: every one due on a day before now's
// is, none due after it is, and those due on now's own day are counted one by one.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ActorAndSource, AgentLateness } from '@/lib/read/status-history/queries';
import { estimatedPercentile } from './buckets';
import { dayOf, inAgentScope, inDays, type DayWindow } from './queries-sql';

const DAY_MS = 86_400_000;

/** Callbacks due in the window; p90 lateness is estimated from the histogram (within one bucket: 9%). */
export async function callbacksByAgent(db: Db, tenantId: string, filter: DayWindow & ActorAndSource & { now: Date }): Promise<AgentLateness[]> {
  const { agent, source, now, from, to } = filter;
  const today = dayOf(now);
  const startOfToday = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const [settled, lateness, dueToday] = await Promise.all([
    db.$queryRaw<{ agent: string; onTime: number; late: number; missed: number; lateSeconds: number }[]>`
      SELECT agent_id AS agent, sum(on_time)::int AS "onTime", sum(late)::int AS late,
        (sum(missed) + coalesce(sum(open) FILTER (WHERE due_day < ${today}::date), 0))::int AS missed,
        (sum(late_milliseconds) / 1000)::float8 AS "lateSeconds"
      FROM daily_callbacks
      WHERE tenant_id = ${tenantId} AND ${inAgentScope(filter)} ${inDays('due_day', filter)}
      GROUP BY agent_id`,
    db.$queryRaw<{ agent: string; bucket: number; callbacks: number }[]>`
      SELECT agent_id AS agent, bucket, sum(callbacks)::int AS callbacks
      FROM daily_callback_lateness
      WHERE tenant_id = ${tenantId} AND ${inAgentScope(filter)} ${inDays('due_day', filter)}
      GROUP BY agent_id, bucket
      HAVING sum(callbacks) > 0`,
    startOfToday >= from && startOfToday < to
      ? db.$queryRaw<{ agent: string; missed: number }[]>`
          SELECT callback_set_by AS agent, count(*)::int AS missed
          FROM daily_figure_leads
          WHERE tenant_id = ${tenantId} AND callback_due_at >= ${startOfToday} AND callback_due_at < ${now}
            ${agent === undefined ? Prisma.empty : Prisma.sql`AND callback_set_by = ${agent}`}
            ${source === undefined ? Prisma.empty : Prisma.sql`AND source = ${source}`}
          GROUP BY callback_set_by`
      : Promise.resolve([]),
  ]);

  const histograms = new Map<string, Map<number, number>>();
  for (const row of lateness) histograms.set(row.agent, (histograms.get(row.agent) ?? new Map()).set(row.bucket, row.callbacks));
  const missedToday = new Map(dueToday.map((row) => [row.agent, row.missed]));
  const agents = new Set([...settled.map((row) => row.agent), ...missedToday.keys()]);
  const byAgent = new Map(settled.map((row) => [row.agent, row]));
  return [...agents]
    .map((id) => {
      const row = byAgent.get(id) ?? { onTime: 0, late: 0, missed: 0, lateSeconds: 0 };
      const missed = row.missed + (missedToday.get(id) ?? 0);
      const histogram = histograms.get(id);
      return {
        agent: id === '' ? null : id,
        due: row.onTime + row.late + missed,
        onTime: row.onTime,
        late: row.late,
        missed,
        averageLatenessSeconds: row.late === 0 ? null : row.lateSeconds / row.late,
        p90LatenessSeconds: histogram ? estimatedPercentile(histogram, 0.9) : null,
      };
    })
    .filter((row) => row.due > 0)
    .sort((a, b) => (a.agent === null ? 1 : b.agent === null ? -1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
}
