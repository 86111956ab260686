// Where leads go next: counts of each status change, and the follow-up funnel (of the leads put on
// follow-up, how many ended converted or closed).
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { LeadStatus } from '@/lib/leads/lead';
import { inWindow, statusOrder, type TimeWindow } from './queries-sql';

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

/** Changes are picked by when they happened: `from` inclusive, `to` exclusive. */
export async function transitionCounts(db: Db, tenantId: string, window: TimeWindow = {}): Promise<TransitionReport> {
  const [transitions, funnel] = await Promise.all([
    // The previous status is read over all of the lead's periods, before the window is applied.
    db.$queryRaw<TransitionCount[]>`
      WITH steps AS (
        SELECT lag(p.status) OVER (PARTITION BY p.lead_id ORDER BY p.entered_version) AS "from",
          p.status AS "to", p.entered_at
        FROM status_periods p
        WHERE p.tenant_id = ${tenantId}
      )
      SELECT s."from", s."to", count(*)::int AS count
      FROM steps s
      WHERE s."from" IS NOT NULL ${inWindow('s.entered_at', window)}
      GROUP BY s."from", s."to"
      ORDER BY ${statusOrder('s."from"')}, ${statusOrder('s."to"')}`,
    db.$queryRaw<{ reached: number; converted: number; closed: number }[]>`
      SELECT count(*)::int AS reached,
        count(*) FILTER (WHERE latest.status = 'Converted')::int AS converted,
        count(*) FILTER (WHERE latest.status = 'Closed')::int AS closed
      FROM status_periods latest
      WHERE latest.tenant_id = ${tenantId} AND latest.left_at IS NULL
        AND latest.lead_id IN (
          SELECT p.lead_id FROM status_periods p
          WHERE p.tenant_id = ${tenantId} AND p.status = 'FollowUp' ${inWindow('p.entered_at', window)}
        )`,
  ]);
  const { reached, converted, closed } = funnel[0]!;
  const rate = (part: number) => (reached === 0 ? null : part / reached);
  return {
    transitions,
    funnel: { reachedFollowUp: reached, converted, closed, conversionRate: rate(converted), closeRate: rate(closed) },
  };
}
