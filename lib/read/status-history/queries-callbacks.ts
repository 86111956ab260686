// Whether callbacks were made when promised, per agent who scheduled them, and which open ones are
// the most overdue.
//
// A callback counts once its outcome is known: handled on time (at or before its due time), handled
// late, or missed (its due time passed while it was still the lead's callback and nobody handled
// it: it ended unhandled after the due time, or is still open past now). A callback moved or cleared
// before it was due was withdrawn, not missed, and one not yet due and unhandled is still pending:
// neither counts.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { byAgent, fromSource, inWindow, iso, type ActorAndSource, type TimeWindow } from './queries-sql';

/** `agent`: only callbacks this agent scheduled; `source`: only callbacks of leads from this source. */
export type LatenessFilter = TimeWindow & ActorAndSource & {
  /** What "now" is for open callbacks; defaults to the current time. */
  readonly now?: Date;
};

export type AgentLateness = {
  /** Who scheduled the callbacks. */
  readonly agent: string | null;
  /** onTime + late + missed. */
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  /** Over late callbacks only (handled after their due time); null when none was late. */
  readonly averageLatenessSeconds: number | null;
  readonly p90LatenessSeconds: number | null;
};

export type OverdueCallback = {
  readonly leadId: string;
  readonly leadName: string | null;
  readonly ownerId: string | null;
  readonly dueAt: string;
  readonly setAt: string;
  readonly setBy: string | null;
  readonly overdueSeconds: number;
};

/** What became of a callback by `now`: on-time, late, missed, withdrawn (ended unhandled before it was due) or pending. */
export type CallbackOutcome = 'on-time' | 'late' | 'missed' | 'withdrawn' | 'pending';

/** The callback outcome of the follow_ups row `f`, as the comment at the top of this file defines it. */
export const callbackOutcomeSql = (now: Date): Prisma.Sql => Prisma.sql`
  CASE
    WHEN f.handled_at IS NOT NULL AND f.handled_at <= f.due_at THEN 'on-time'
    WHEN f.handled_at IS NOT NULL THEN 'late'
    WHEN f.due_at < coalesce(f.ended_at, ${now}::timestamptz) THEN 'missed'
    WHEN f.ended_at IS NOT NULL THEN 'withdrawn'
    ELSE 'pending'
  END`;

/** Callbacks are picked by their due time: `from` inclusive, `to` exclusive. */
export async function callbackLateness(db: Db, tenantId: string, filter: LatenessFilter = {}): Promise<AgentLateness[]> {
  const { agent, source, now = new Date() } = filter;
  return db.$queryRaw<AgentLateness[]>`
    WITH judged AS (
      SELECT f.set_by, ${callbackOutcomeSql(now)} AS outcome,
        extract(epoch FROM f.handled_at - f.due_at)::float8 AS lateness
      FROM follow_ups f
      ${fromSource('f', source)}
      WHERE f.tenant_id = ${tenantId} ${inWindow('f.due_at', filter)} ${byAgent('f.set_by', agent)}
    )
    SELECT set_by AS agent, count(*)::int AS due,
      count(*) FILTER (WHERE outcome = 'on-time')::int AS "onTime",
      count(*) FILTER (WHERE outcome = 'late')::int AS late,
      count(*) FILTER (WHERE outcome = 'missed')::int AS missed,
      avg(lateness) FILTER (WHERE outcome = 'late') AS "averageLatenessSeconds",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY lateness) FILTER (WHERE outcome = 'late') AS "p90LatenessSeconds"
    FROM judged
    WHERE outcome IN ('on-time', 'late', 'missed')
    GROUP BY set_by
    ORDER BY set_by NULLS LAST`;
}

/** Open, unhandled callbacks whose time has passed, the longest overdue first. */
export async function mostOverdueCallbacks(
  db: Db,
  tenantId: string,
  { agent, limit = 20, now = new Date() }: { agent?: string; limit?: number; now?: Date } = {},
): Promise<OverdueCallback[]> {
  const rows = await db.$queryRaw<
    { lead_id: string; name: string | null; owner_id: string | null; due_at: Date; set_at: Date; set_by: string | null; overdue_seconds: number }[]
  >`
    SELECT f.lead_id, l.name, l.owner_id, f.due_at, f.set_at, f.set_by,
      extract(epoch FROM ${now}::timestamptz - f.due_at)::float8 AS overdue_seconds
    FROM follow_ups f
    LEFT JOIN leads l ON l.tenant_id = f.tenant_id AND l.lead_id = f.lead_id
    WHERE f.tenant_id = ${tenantId} AND f.ended_at IS NULL AND f.handled_at IS NULL AND f.due_at < ${now}::timestamptz
      ${byAgent('f.set_by', agent)}
    ORDER BY f.due_at, f.lead_id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    leadId: row.lead_id,
    leadName: row.name,
    ownerId: row.owner_id,
    dueAt: iso(row.due_at),
    setAt: iso(row.set_at),
    setBy: row.set_by,
    overdueSeconds: row.overdue_seconds,
  }));
}
