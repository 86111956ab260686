// Where leads go next: counts of each status change, and the follow-up funnel (of the leads put on
// follow-up, how many ended converted or closed).
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LeadStatus } from '@/lib/leads/lead';
import { byAgent, fromSource, inWindow, statusOrder, type ActorAndSource, type TimeWindow } from './queries-sql';

export type TransitionCount = { readonly from: LeadStatus; readonly to: LeadStatus; readonly count: number };

export type FollowUpFunnel = {
  /** Leads that entered Follow-up in the window. */
  readonly reachedFollowUp: number;
  /** Of those, the leads that are Converted now (Converted is final). */
  readonly converted: number;
  /** Of those, the leads that are Closed now. */
  readonly closed: number;
  /** converted / reachedFollowUp; null when no lead reached Follow-up. */
  readonly conversionRate: number | null;
  readonly closeRate: number | null;
};

export type TransitionReport = { readonly transitions: TransitionCount[]; readonly funnel: FollowUpFunnel };

/** Changes in the window made by `agent` (when given) to leads of `source` (when given). */
export type TransitionFilter = TimeWindow & ActorAndSource;

/** Changes are picked by when they happened: `from` inclusive, `to` exclusive. */
export async function transitionCounts(db: Db, tenantId: string, filter: TransitionFilter = {}): Promise<TransitionReport> {
  const { agent, source } = filter;
  // A change's previous status is the period it closed, which ended at the change: so the periods
  // entered in the window, or left in it, hold every change of the window and the status before it.
  const touchingWindow = filter.from ? Prisma.sql`AND (p.entered_at >= ${filter.from} OR p.left_at >= ${filter.from})` : Prisma.empty;
  const [transitions, funnel] = await Promise.all([
    db.$queryRaw<TransitionCount[]>`
      WITH steps AS (
        SELECT lag(p.status) OVER (PARTITION BY p.lead_id ORDER BY p.entered_version) AS "from",
          p.status AS "to", p.entered_at, p.entered_by
        FROM status_periods p
        ${fromSource('p', source)}
        WHERE p.tenant_id = ${tenantId} ${touchingWindow} ${inWindow('p.entered_at', { to: filter.to })}
      )
      SELECT s."from", s."to", count(*)::int AS count
      FROM steps s
      WHERE s."from" IS NOT NULL ${inWindow('s.entered_at', filter)} ${byAgent('s.entered_by', agent)}
      GROUP BY s."from", s."to"
      ORDER BY ${statusOrder('s."from"')}, ${statusOrder('s."to"')}`,
    db.$queryRaw<{ reached: number; converted: number; closed: number }[]>`
      SELECT count(*)::int AS reached,
        count(*) FILTER (WHERE latest.status = 'Converted')::int AS converted,
        count(*) FILTER (WHERE latest.status = 'Closed')::int AS closed
      FROM (
        SELECT DISTINCT p.lead_id FROM status_periods p
        ${fromSource('p', source)}
        WHERE p.tenant_id = ${tenantId} AND p.status = 'FollowUp' ${inWindow('p.entered_at', filter)} ${byAgent('p.entered_by', agent)}
      ) reached
      JOIN status_periods latest ON latest.tenant_id = ${tenantId} AND latest.lead_id = reached.lead_id AND latest.left_at IS NULL`,
  ]);
  const { reached, converted, closed } = funnel[0]!;
  const rate = (part: number) => (reached === 0 ? null : part / reached);
  return {
    transitions,
    funnel: { reachedFollowUp: reached, converted, closed, conversionRate: rate(converted), closeRate: rate(closed) },
  };
}
