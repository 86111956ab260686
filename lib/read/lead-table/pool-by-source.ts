import 'server-only';
// Where each source's leads stand in the dialing loop now, for the manager's Today page: due to be
// called (before calling hours and per-number limits are applied), waiting for a retry, held by an
// agent, out of attempts, or blocked (the person asked not to be called, or every number is wrong).
import type { Db } from '@/lib/db/client';

export type SourcePool = {
  readonly source: string;
  readonly due: number;
  readonly waiting: number;
  readonly held: number;
  readonly exhausted: number;
  readonly blocked: number;
};

export async function poolBySource(db: Db, tenantId: string, now: Date): Promise<SourcePool[]> {
  return db.$queryRaw<SourcePool[]>`
    WITH open AS (
      SELECT source, status, follow_up_at, retry_at, claimed_by, claim_until, exhausted,
        do_not_call OR cardinality(wrong_phones) >= jsonb_array_length(phones) AS blocked
      FROM leads WHERE tenant_id = ${tenantId} AND status IN ('Available', 'FollowUp') AND merged_into IS NULL
    )
    SELECT source,
      count(*) FILTER (WHERE NOT blocked AND NOT exhausted AND (claimed_by IS NULL OR claim_until <= ${now})
        AND (retry_at IS NULL OR retry_at <= ${now}) AND (status = 'Available' OR follow_up_at <= ${now}))::int AS due,
      count(*) FILTER (WHERE NOT blocked AND NOT exhausted AND retry_at > ${now})::int AS waiting,
      count(*) FILTER (WHERE claimed_by IS NOT NULL AND claim_until > ${now})::int AS held,
      count(*) FILTER (WHERE exhausted)::int AS exhausted,
      count(*) FILTER (WHERE blocked)::int AS blocked
    FROM open GROUP BY source ORDER BY source`;
}

export type HeldLead = { readonly agentId: string; readonly leadId: string; readonly name: string; readonly until: string };

/** The leads agents hold right now. */
export async function heldLeads(db: Db, tenantId: string, now: Date): Promise<HeldLead[]> {
  const rows = await db.$queryRaw<{ agentId: string; leadId: string; name: string; until: Date }[]>`
    SELECT claimed_by AS "agentId", lead_id AS "leadId", name, claim_until AS until FROM leads
    WHERE tenant_id = ${tenantId} AND claimed_by IS NOT NULL AND claim_until > ${now} ORDER BY claimed_by`;
  return rows.map((row) => ({ ...row, until: new Date(row.until).toISOString() }));
}
