// Status changes, the follow-up funnel and conversions over time, from the daily counts.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ActorAndSource, Bucket, ConversionBucket, TransitionCount, TransitionReport } from '@/lib/read/status-history/queries';
import { statusOrder } from '@/lib/read/status-history/queries-sql';
import { bucketUnit, everyBucket } from '@/lib/read/status-history/queries-conversions';
import { dayOf, inDays, inScope, type DayWindow } from './queries-sql';

/** Changes made in the window; the funnel's leads are counted once each, by their first move into Follow-up in the window. */
export async function statusChanges(db: Db, tenantId: string, filter: DayWindow & ActorAndSource): Promise<TransitionReport> {
  const [transitions, funnel] = await Promise.all([
    db.$queryRaw<TransitionCount[]>`
      SELECT from_status AS "from", to_status AS "to", sum(changes)::int AS count
      FROM daily_status_changes
      WHERE tenant_id = ${tenantId} AND ${inScope(filter)} ${inDays('day', filter)}
      GROUP BY from_status, to_status
      HAVING sum(changes) > 0
      ORDER BY ${statusOrder('from_status')}, ${statusOrder('to_status')}`,
    // A lead's move counts when the one before it (under the same filters) was before the window.
    db.$queryRaw<{ reached: number; converted: number; closed: number }[]>`
      SELECT coalesce(sum(reached), 0)::int AS reached, coalesce(sum(converted), 0)::int AS converted, coalesce(sum(closed), 0)::int AS closed
      FROM daily_follow_up_funnel
      WHERE tenant_id = ${tenantId} AND ${inScope(filter)} ${inDays('day', filter)} AND previous_day < ${dayOf(filter.from)}::date`,
  ]);
  const { reached, converted, closed } = funnel[0]!;
  const rate = (part: number) => (reached === 0 ? null : part / reached);
  return { transitions, funnel: { reachedFollowUp: reached, converted, closed, conversionRate: rate(converted), closeRate: rate(closed) } };
}

/** Moves into Converted per UTC day or ISO week, every bucket of the window listed (zeros too). */
export async function conversionsPerBucket(db: Db, tenantId: string, filter: DayWindow & ActorAndSource & { bucket: Bucket }): Promise<ConversionBucket[]> {
  const { from, to, bucket } = filter;
  const unit = bucketUnit(bucket);
  return db.$queryRaw<ConversionBucket[]>`
    WITH converted AS (
      SELECT date_trunc(${unit}, day::timestamp) AS start, sum(changes)::int AS conversions
      FROM daily_status_changes
      WHERE tenant_id = ${tenantId} AND ${inScope(filter)} ${inDays('day', filter)} AND to_status = 'Converted'
      GROUP BY 1
    )
    ${everyBucket(bucket, from, to)}`;
}
