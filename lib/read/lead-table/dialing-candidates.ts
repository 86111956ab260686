import 'server-only';
// The leads "next lead" may offer an agent, in the order it offers them (docs/dialing.md): the
// agent's own callbacks that are due, then callbacks open to anyone that are overdue, then leads
// due for another try, then fresh leads (by source priority, oldest first). Read from the lead
// table through the partial indexes made for each tier. The calling hours and the limits are the
// claim's to check: these are candidates, not promises.
import type { Db } from '@/lib/db/client';
import { ERASED_VALUE } from '@/lib/event-store';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ClaimTier } from '@/lib/leads/values';

export type Candidate = {
  readonly leadId: string;
  readonly tier: ClaimTier;
  /** The numbers it may ring on (wrong ones left out). */
  readonly phones: readonly string[];
  readonly timeZone: string | null;
};

export type CandidateQuery = {
  readonly tenantId: string;
  readonly agentId: string;
  readonly now: Date;
  readonly limit: number;
  /** Skip these (already tried in this round). */
  readonly exclude?: readonly string[];
  /** Fresh leads' sources by priority, highest first; the last group is "every other source". */
  readonly sourceGroups?: readonly { readonly sources: readonly string[]; readonly others: boolean }[];
};

/** How long a callback open to anyone waits for its lead's owner before anyone may take it. */
export const OWNER_FIRST_MINUTES = 15;

type Row = { lead_id: string; phones: { e164: string }[]; wrong_phones: string[]; time_zone: string | null };

export async function dialingCandidates(db: Db, tier: ClaimTier, query: CandidateQuery): Promise<Candidate[]> {
  const rows = await db.$queryRaw<Row[]>(candidatesSql(tier, query));
  return rows.map((row) => ({
    leadId: row.lead_id,
    tier,
    phones: row.phones.map((phone) => phone.e164).filter((e164) => !row.wrong_phones.includes(e164)),
    timeZone: row.time_zone,
  }));
}

/** The lead an agent holds right now, if any: "next lead" gives it back to them until they finish it. */
export async function heldLead(db: Db, tenantId: string, agentId: string, now: Date): Promise<string | null> {
  const rows = await db.$queryRaw<{ lead_id: string }[]>`
    SELECT lead_id FROM leads WHERE tenant_id = ${tenantId} AND claimed_by = ${agentId} AND claim_until > ${now}
    ORDER BY claim_until DESC LIMIT 1`;
  return rows[0]?.lead_id ?? null;
}

const sortKeys = (count: number) => Prisma.raw(Array.from({ length: count }, (_, at) => `sort_${at}`).join(', '));

function candidatesSql(tier: ClaimTier, { tenantId, agentId, now, limit, exclude = [], sourceGroups = [] }: CandidateQuery): Prisma.Sql {
  const columns = Prisma.sql`lead_id, phones, wrong_phones, time_zone`;
  const free = Prisma.sql`merged_into IS NULL AND (claimed_by IS NULL OR claim_until <= ${now} OR claimed_by = ${agentId})
    AND cardinality(wrong_phones) < jsonb_array_length(phones) AND NOT (lead_id = ANY(${[...exclude]}::text[]))
    AND name <> ${ERASED_VALUE}`; // an erased lead has no number left to call
  // Ordered by the tier's column, then older lead first, then by id: ties (two retries due at the
  // same moment) always come out in the same order. The index serves the first column.
  const mineOrNobody = (first: 'retry_at' | 'created_at', where: Prisma.Sql) => {
    const order = [...new Set([first, 'created_at', 'lead_id'])];
    const keys = Prisma.raw(order.map((column, at) => `${column} AS sort_${at}`).join(', '));
    const by = Prisma.raw(order.join(', '));
    return Prisma.sql`
    SELECT * FROM (
      (SELECT ${columns}, ${keys} FROM leads WHERE tenant_id = ${tenantId} AND owner_id = ${agentId} AND ${where} AND ${free} ORDER BY ${by} LIMIT ${limit})
      UNION ALL
      (SELECT ${columns}, ${keys} FROM leads WHERE tenant_id = ${tenantId} AND owner_id IS NULL AND ${where} AND ${free} ORDER BY ${by} LIMIT ${limit})
    ) AS mine_or_nobody ORDER BY ${sortKeys(order.length)} LIMIT ${limit}`;
  };
  // A callback whose call went unanswered waits for its retry like any other lead.
  const open = Prisma.sql`NOT do_not_call AND NOT exhausted AND (retry_at IS NULL OR retry_at <= ${now})`;
  switch (tier) {
    case 'own-callback': {
      // Set for this agent, or of their own leads and open to anyone: each read through its index.
      const due = Prisma.sql`tenant_id = ${tenantId} AND status = 'FollowUp' AND ${open} AND follow_up_at <= ${now} AND ${free}`;
      return Prisma.sql`
        SELECT ${columns} FROM (
          (SELECT ${columns}, follow_up_at FROM leads WHERE ${due} AND follow_up_agent_id = ${agentId} ORDER BY follow_up_at LIMIT ${limit})
          UNION ALL
          (SELECT ${columns}, follow_up_at FROM leads WHERE ${due} AND follow_up_agent_id IS NULL AND owner_id = ${agentId} ORDER BY follow_up_at LIMIT ${limit})
        ) AS own ORDER BY follow_up_at LIMIT ${limit}`;
    }
    case 'overdue-callback':
      return Prisma.sql`
        SELECT ${columns} FROM leads
        WHERE tenant_id = ${tenantId} AND status = 'FollowUp' AND ${open} AND follow_up_at <= ${now} AND follow_up_agent_id IS NULL
          AND (owner_id IS NULL OR follow_up_at <= ${new Date(now.getTime() - OWNER_FIRST_MINUTES * 60_000)}) AND ${free}
        ORDER BY follow_up_at LIMIT ${limit}`;
    case 'retry':
      return mineOrNobody('retry_at', Prisma.sql`status = 'Available' AND call_count > 0 AND ${open} AND retry_at <= ${now}`);
    case 'fresh': {
      const groups = sourceGroups.length > 0 ? sourceGroups : [{ sources: [], others: true }];
      const listed = groups.flatMap((group) => group.sources);
      // One query per priority group, in order: each reads its index in age order.
      const branches = groups.map((group, rank) => {
        const inGroup = group.others
          ? Prisma.sql`NOT (source = ANY(${listed}::text[]))`
          : Prisma.sql`source = ANY(${[...group.sources]}::text[])`;
        const fresh = mineOrNobody('created_at', Prisma.sql`status = 'Available' AND call_count = 0 AND ${open} AND ${inGroup}`);
        return Prisma.sql`(SELECT ${rank}::int AS rank, g.* FROM (${fresh}) AS g)`;
      });
      return Prisma.sql`SELECT ${columns} FROM (${Prisma.join(branches, ' UNION ALL ')}) AS fresh ORDER BY rank, ${sortKeys(2)} LIMIT ${limit}`;
    }
  }
}
