// Conversions over time, and the leads that have waited longest in the status they are in now.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LeadStatus } from '@/lib/leads/lead';
import { byAgent, fromSource, inWindow, iso, type ActorAndSource } from './queries-sql';

export type Bucket = 'day' | 'week';

export type ConversionFilter = ActorAndSource & {
  /** Inclusive; both ends are needed to lay out the buckets. */
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
  readonly bucket: Bucket;
};

/** `start`: the UTC day, or the Monday of the ISO week (UTC), as YYYY-MM-DD. */
export type ConversionBucket = { readonly start: string; readonly conversions: number };

const BUCKETS: Record<Bucket, { unit: Prisma.Sql; step: Prisma.Sql }> = {
  day: { unit: Prisma.sql`'day'`, step: Prisma.sql`interval '1 day'` },
  week: { unit: Prisma.sql`'week'`, step: Prisma.sql`interval '1 week'` },
};

/** `date_trunc`'s unit of a bucket, for a `converted (start, conversions)` CTE. */
export const bucketUnit = (bucket: Bucket) => BUCKETS[bucket].unit;

/** Every bucket of the window with the `converted` CTE's count (zero where it has none), in order. */
export function everyBucket(bucket: Bucket, from: Date, to: Date): Prisma.Sql {
  const { unit, step } = BUCKETS[bucket];
  return Prisma.sql`
    SELECT to_char(b.start, 'YYYY-MM-DD') AS start, coalesce(c.conversions, 0)::int AS conversions
    FROM generate_series(
      date_trunc(${unit}, ${from}::timestamptz AT TIME ZONE 'UTC'),
      (${to}::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC',
      ${step}
    ) AS b(start)
    LEFT JOIN converted c ON c.start = b.start
    ORDER BY b.start`;
}

/**
 * Moves into Converted per UTC day or ISO week, every bucket of the window listed (zeros too). A
 * week that starts before `from` or ends after `to` counts only the part inside the window. A lead
 * that became Converted by a merge (it took the status of a converted lead) is not counted again.
 */
export async function conversionsOverTime(db: Db, tenantId: string, filter: ConversionFilter): Promise<ConversionBucket[]> {
  const { from, to, bucket, agent, source } = filter;
  const unit = bucketUnit(bucket);
  return db.$queryRaw<ConversionBucket[]>`
    WITH converted AS (
      SELECT date_trunc(${unit}, p.entered_at AT TIME ZONE 'UTC') AS start, count(*)::int AS conversions
      FROM status_periods p
      ${fromSource('p', source)}
      WHERE p.tenant_id = ${tenantId} AND p.status = 'Converted' AND p.previous_status IS NOT NULL ${inWindow('p.entered_at', filter)} ${byAgent('p.entered_by', agent)}
      GROUP BY 1
    )
    ${everyBucket(bucket, from, to)}`;
}

/** The statuses a lead waits in for someone to act: Closed and Converted are where work ends. */
export const WAITING_STATUSES = ['Available', 'FollowUp'] as const satisfies readonly LeadStatus[];

export type WaitingLead = {
  readonly leadId: string;
  readonly leadName: string | null;
  readonly ownerId: string | null;
  readonly status: LeadStatus;
  readonly since: string;
  /** Who moved the lead into this status (or registered it). */
  readonly movedBy: string | null;
  readonly waitingSeconds: number;
  /** The callback set in this period, if any. */
  readonly followUpAt: string | null;
};

/** Leads in Available or Follow-up now, the longest in it first. `agent`: who moved them into it. */
export async function leadsWaitingLongest(
  db: Db,
  tenantId: string,
  { agent, source, limit = 20, now = new Date() }: ActorAndSource & { limit?: number; now?: Date } = {},
): Promise<WaitingLead[]> {
  const rows = await db.$queryRaw<
    { lead_id: string; name: string | null; owner_id: string | null; status: LeadStatus; entered_at: Date; entered_by: string | null; seconds: number; follow_up_at: Date | null }[]
  >`
    SELECT p.lead_id, l.name, l.owner_id, p.status, p.entered_at, p.entered_by, p.follow_up_at,
      greatest(0, extract(epoch FROM ${now}::timestamptz - p.entered_at))::float8 AS seconds
    FROM status_periods p
    ${fromSource('p', source)}
    LEFT JOIN leads l ON l.tenant_id = p.tenant_id AND l.lead_id = p.lead_id
    WHERE p.tenant_id = ${tenantId} AND p.left_at IS NULL AND p.status IN (${Prisma.join([...WAITING_STATUSES])})
      ${byAgent('p.entered_by', agent)}
    ORDER BY p.entered_at, p.lead_id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    leadId: row.lead_id,
    leadName: row.name,
    ownerId: row.owner_id,
    status: row.status,
    since: iso(row.entered_at),
    movedBy: row.entered_by,
    waitingSeconds: row.seconds,
    followUpAt: row.follow_up_at ? iso(row.follow_up_at) : null,
  }));
}
