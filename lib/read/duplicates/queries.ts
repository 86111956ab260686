import 'server-only';
// Possible duplicates, read from the duplicate keys and the search terms (never the log): one lead's
// candidates for its page, and the tenant's candidate groups for the Duplicates page. Which pairs are
// candidates, and how strongly, is decided by the pure rules of lib/duplicates.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { groupPairs, type CandidatePair, type DuplicateGroup } from '@/lib/duplicates/groups';
import { describeKey } from '@/lib/duplicates/keys';
import { judgePair, SIMILAR_NAME, type Verdict } from '@/lib/duplicates/score';

/** A key more leads than this hold (a switchboard, a shared inbox) is no evidence that any two are one person. */
export const MAX_KEY_LEADS = 50;
/** The most pairs the Duplicates page weighs at once; past it, the page says it shows the first ones. */
export const MAX_PAIRS = 20_000;

export type DuplicateLead = {
  readonly leadId: string;
  readonly name: string;
  readonly status: string;
  readonly ownerId: string | null;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly createdAt: Date;
};

export type LeadDuplicate = DuplicateLead & { readonly verdict: Verdict };

type PairRow = { keys: string[]; currents: boolean[]; name_similarity: number };

const verdictOf = (row: PairRow) =>
  judgePair({
    shared: row.keys.map((key, index) => ({ ...describeKey(key), current: row.currents[index]! })),
    nameSimilarity: row.name_similarity,
  });

/** The leads that may be the same person as this one, strongest first. */
export async function duplicatesOfLead(db: Db, tenantId: string, leadId: string): Promise<LeadDuplicate[]> {
  const rows = await db.$queryRaw<(PairRow & LeadRow)[]>`
    WITH shared AS (
      SELECT o.lead_id, o.key, (m.current AND o.current) AS current
      FROM duplicate_keys m
      JOIN duplicate_key_counts c ON c.tenant_id = m.tenant_id AND c.key = m.key
      JOIN duplicate_keys o ON o.tenant_id = m.tenant_id AND o.key = m.key AND o.lead_id <> m.lead_id
      WHERE m.tenant_id = ${tenantId} AND m.lead_id = ${leadId} AND c.leads <= ${MAX_KEY_LEADS}
    ), candidates AS (
      SELECT lead_id, array_agg(key ORDER BY key) AS keys, array_agg(current ORDER BY key) AS currents FROM shared GROUP BY lead_id
    )
    SELECT c.keys, c.currents, ${LEAD_COLUMNS},
      (SELECT coalesce(max(similarity(a.normalized, o.normalized)), 0)
       FROM search_terms a JOIN search_terms o ON o.tenant_id = a.tenant_id AND o.lead_id = c.lead_id AND o.kind = 'name'
       WHERE a.tenant_id = ${tenantId} AND a.lead_id = ${leadId} AND a.kind = 'name')::float8 AS name_similarity
    FROM candidates c JOIN leads l ON l.tenant_id = ${tenantId} AND l.lead_id = c.lead_id`;
  return rows
    .flatMap((row) => {
      const verdict = verdictOf(row);
      return verdict ? [{ ...leadOf(row), verdict }] : [];
    })
    .sort((a, b) => b.verdict.score - a.verdict.score || a.createdAt.getTime() - b.createdAt.getTime());
}

export type DuplicateGroupsPage = {
  readonly groups: readonly (DuplicateGroup & { readonly leads: readonly DuplicateLead[] })[];
  /** Every candidate group, of which `groups` is one page. */
  readonly total: number;
  /** More pairs than MAX_PAIRS share keys: the groups are made of the first ones. */
  readonly truncated: boolean;
};

/** The tenant's candidate groups, strongest first, one page of them with their leads. */
export async function duplicateGroups(db: Db, tenantId: string, { offset = 0, limit = 25 }: { offset?: number; limit?: number } = {}): Promise<DuplicateGroupsPage> {
  const rows = await db.$queryRaw<(PairRow & { a: string; b: string })[]>`
    WITH members AS (
      SELECT d.key, d.lead_id, d.current
      FROM duplicate_key_counts c JOIN duplicate_keys d ON d.tenant_id = c.tenant_id AND d.key = c.key
      WHERE c.tenant_id = ${tenantId} AND c.leads > 1 AND c.leads <= ${MAX_KEY_LEADS}
    ), pairs AS (
      SELECT a.lead_id AS a, b.lead_id AS b, array_agg(a.key ORDER BY a.key) AS keys, array_agg(a.current AND b.current ORDER BY a.key) AS currents,
        bool_or(a.key LIKE 'phone:%' OR a.key LIKE 'email:%') AS exact
      FROM members a JOIN members b ON b.key = a.key AND b.lead_id > a.lead_id
      GROUP BY a.lead_id, b.lead_id
    ), judged AS (
      SELECT p.a, p.b, p.keys, p.currents, p.exact,
        (SELECT coalesce(max(similarity(x.normalized, y.normalized)), 0)
         FROM search_terms x JOIN search_terms y ON y.tenant_id = x.tenant_id AND y.lead_id = p.b AND y.kind = 'name'
         WHERE x.tenant_id = ${tenantId} AND x.lead_id = p.a AND x.kind = 'name')::float8 AS name_similarity
      FROM pairs p
    )
    SELECT j.a, j.b, j.keys, j.currents, j.name_similarity
    FROM judged j
    WHERE (j.exact OR j.name_similarity >= ${SIMILAR_NAME})
      AND EXISTS (SELECT 1 FROM leads l WHERE l.tenant_id = ${tenantId} AND l.lead_id = j.a)
      AND EXISTS (SELECT 1 FROM leads l WHERE l.tenant_id = ${tenantId} AND l.lead_id = j.b)
    ORDER BY j.a, j.b
    LIMIT ${MAX_PAIRS + 1}`;
  const pairs = rows.slice(0, MAX_PAIRS).flatMap((row): CandidatePair[] => {
    const verdict = verdictOf(row);
    return verdict ? [{ a: row.a, b: row.b, verdict }] : [];
  });
  const all = groupPairs(pairs);
  const page = all.slice(offset, offset + limit);
  const leads = await leadsByIds(db, tenantId, page.flatMap((group) => group.leadIds));
  return {
    // Each group's leads oldest first: the first registered is the one a merge proposes to keep.
    groups: page.map((group) => ({ ...group, leads: group.leadIds.flatMap((id) => leads.get(id) ?? []).sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime()) })),
    total: all.length,
    truncated: rows.length > MAX_PAIRS,
  };
}

type LeadRow = { lead_id: string; name: string; status: string; owner_id: string | null; phones: { e164: string }[]; emails: string[]; created_at: Date };
const LEAD_COLUMNS = Prisma.raw('l.lead_id, l.name, l.status, l.owner_id, l.phones, l.emails, l.created_at');

const leadOf = (row: LeadRow): DuplicateLead => ({
  leadId: row.lead_id, name: row.name, status: row.status, ownerId: row.owner_id, phones: row.phones.map((phone) => phone.e164), emails: row.emails, createdAt: row.created_at,
});

async function leadsByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, DuplicateLead>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<LeadRow[]>`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.tenant_id = ${tenantId} AND l.lead_id = ANY(${ids})`;
  return new Map(rows.map((row) => [row.lead_id, leadOf(row)]));
}
