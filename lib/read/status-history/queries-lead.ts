// One lead's status history: its periods in order, and how long it spent in each status.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LeadStatus } from '@/lib/leads/lead';
import { callbackOutcomeSql, type CallbackOutcome } from './queries-callbacks';
import { iso, isoOrNull, statusOrder } from './queries-sql';

export type TimelinePeriod = {
  readonly version: number;
  readonly status: LeadStatus;
  readonly enteredAt: string;
  readonly enteredBy: string | null;
  /** Null while the lead is still in this status. */
  readonly leftAt: string | null;
  readonly leftBy: string | null;
  /** Of the open period: seconds until `now`. */
  readonly durationSeconds: number;
  readonly current: boolean;
  /** The latest callback time set while the lead was in this status. */
  readonly followUpAt: string | null;
};

export type LeadCallback = {
  /** Version of the event that scheduled it: the period it was set in is the last one entered at or before it. */
  readonly version: number;
  readonly dueAt: string;
  readonly setAt: string;
  readonly setBy: string | null;
  readonly handledAt: string | null;
  readonly handledBy: string | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly outcome: CallbackOutcome;
};

export type StatusTime = { readonly status: LeadStatus; readonly seconds: number; readonly periods: number };

/** How long an open period has lasted by `now` (never negative, should a clock run behind). */
const secondsSoFar = (now: Date) =>
  Prisma.sql`coalesce(p.duration_seconds, greatest(0, extract(epoch FROM ${now}::timestamptz - p.entered_at))::float8)`;

export async function leadTimeline(db: Db, tenantId: string, leadId: string, { now = new Date() }: { now?: Date } = {}): Promise<TimelinePeriod[]> {
  const rows = await db.$queryRaw<
    { version: number; status: LeadStatus; entered_at: Date; entered_by: string | null; left_at: Date | null; left_by: string | null; seconds: number; follow_up_at: Date | null }[]
  >`
    SELECT p.entered_version AS version, p.status, p.entered_at, p.entered_by, p.left_at, p.left_by,
      ${secondsSoFar(now)} AS seconds, p.follow_up_at
    FROM status_periods p
    WHERE p.tenant_id = ${tenantId} AND p.lead_id = ${leadId}
    ORDER BY p.entered_version`;
  return rows.map((row) => ({
    version: row.version,
    status: row.status,
    enteredAt: iso(row.entered_at),
    enteredBy: row.entered_by,
    leftAt: isoOrNull(row.left_at),
    leftBy: row.left_by,
    durationSeconds: row.seconds,
    current: row.left_at === null,
    followUpAt: isoOrNull(row.follow_up_at),
  }));
}

/** Total time per status the lead has been in (the current one counted until `now`), in lifecycle order. */
export async function timeInStatusForLead(db: Db, tenantId: string, leadId: string, { now = new Date() }: { now?: Date } = {}): Promise<StatusTime[]> {
  return db.$queryRaw<StatusTime[]>`
    SELECT p.status, sum(${secondsSoFar(now)})::float8 AS seconds, count(*)::int AS periods
    FROM status_periods p
    WHERE p.tenant_id = ${tenantId} AND p.lead_id = ${leadId}
    GROUP BY p.status
    ORDER BY ${statusOrder('p.status')}`;
}

/** Every callback set on the lead, oldest first, with what became of it by `now`. */
export async function leadCallbacks(db: Db, tenantId: string, leadId: string, { now = new Date() }: { now?: Date } = {}): Promise<LeadCallback[]> {
  const rows = await db.$queryRaw<
    { version: number; due_at: Date; set_at: Date; set_by: string | null; handled_at: Date | null; handled_by: string | null; ended_at: Date | null; end_reason: string | null; outcome: CallbackOutcome }[]
  >`
    SELECT f.scheduled_version AS version, f.due_at, f.set_at, f.set_by, f.handled_at, f.handled_by, f.ended_at, f.end_reason,
      ${callbackOutcomeSql(now)} AS outcome
    FROM follow_ups f
    WHERE f.tenant_id = ${tenantId} AND f.lead_id = ${leadId}
    ORDER BY f.scheduled_version`;
  return rows.map((row) => ({
    version: row.version,
    dueAt: iso(row.due_at),
    setAt: iso(row.set_at),
    setBy: row.set_by,
    handledAt: isoOrNull(row.handled_at),
    handledBy: row.handled_by,
    endedAt: isoOrNull(row.ended_at),
    endReason: row.end_reason,
    outcome: row.outcome,
  }));
}
