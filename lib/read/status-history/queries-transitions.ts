// Where leads go next: counts of each status change, and the follow-up funnel (of the leads put on
// follow-up, how many ended converted or closed).
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LeadStatus } from '@/lib/leads/lead';
import { byAgent, fromSource, inWindow, statusOrder, type ActorAndSource, type TimeWindow } from './queries-sql';

export type TransitionCount = { readonly from: LeadStatus; readonly to: LeadStatus; readonly count: number };

export type FollowUpFunnel = {
  /** Leads someone put on Follow-up in the window (a merge that moved a lead there puts nobody). */
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
  const [transitions, funnel] = await Promise.all([
    // Each period entered in the window is one change, from the status it followed (previous_status).
    db.$queryRaw<TransitionCount[]>`
      SELECT p.previous_status AS "from", p.status AS "to", count(*)::int AS count
      FROM status_periods p
      ${fromSource('p', source)}
      WHERE p.tenant_id = ${tenantId} AND p.previous_status IS NOT NULL
        ${inWindow('p.entered_at', filter)} ${byAgent('p.entered_by', agent)}
      GROUP BY p.previous_status, p.status
      ORDER BY ${statusOrder('p.previous_status')}, ${statusOrder('p.status')}`,
    db.$queryRaw<{ reached: number; converted: number; closed: number }[]>`
      SELECT count(*)::int AS reached,
        count(*) FILTER (WHERE latest.status = 'Converted')::int AS converted,
        count(*) FILTER (WHERE latest.status = 'Closed')::int AS closed
      FROM (
        SELECT DISTINCT p.lead_id FROM status_periods p
        ${fromSource('p', source)}
        WHERE p.tenant_id = ${tenantId} AND p.status = 'FollowUp' AND p.previous_status IS NOT NULL ${inWindow('p.entered_at', filter)} ${byAgent('p.entered_by', agent)}
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
