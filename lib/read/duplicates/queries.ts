import 'server-only';
// Possible duplicates, read from the pairs the duplicate-keys read model has judged (never the log):
// one lead's candidates for its page, and the tenant's strongest groups for the Duplicates page. A
// lead merged into another is no one's duplicate: it lives on in its survivor.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { groupPairs, type DuplicateGroup } from '@/lib/duplicates/groups';
import { strengthOf, type Reason, type Verdict } from '@/lib/duplicates/score';

/** The most pairs the Duplicates page groups at once, strongest first; past it, the page says it shows the strongest ones. */
export const MAX_PAIRS = 2_000;

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

type LeadRow = { lead_id: string; name: string; status: string; owner_id: string | null; phones: { e164: string }[]; emails: string[]; created_at: Date };
const LEAD_COLUMNS = Prisma.raw('l.lead_id, l.name, l.status, l.owner_id, l.phones, l.emails, l.created_at');

const leadOf = (row: LeadRow): DuplicateLead => ({
  leadId: row.lead_id, name: row.name, status: row.status, ownerId: row.owner_id, phones: row.phones.map((phone) => phone.e164), emails: row.emails, createdAt: row.created_at,
});
const verdictOf = (score: number, reasons: unknown): Verdict => ({ score, strength: strengthOf(score), reasons: reasons as Reason[] });

/** The leads that may be the same person as this one, strongest first. */
export async function duplicatesOfLead(db: Db, tenantId: string, leadId: string): Promise<LeadDuplicate[]> {
  const rows = await db.$queryRaw<(LeadRow & { score: number; reasons: unknown })[]>`
    SELECT p.score, p.reasons, ${LEAD_COLUMNS}
    FROM (
      SELECT lead_b AS other, score, reasons FROM duplicate_pairs WHERE tenant_id = ${tenantId} AND lead_a = ${leadId}
      UNION ALL
      SELECT lead_a AS other, score, reasons FROM duplicate_pairs WHERE tenant_id = ${tenantId} AND lead_b = ${leadId}
    ) p
    JOIN leads l ON l.tenant_id = ${tenantId} AND l.lead_id = p.other AND l.merged_into IS NULL
    ORDER BY p.score DESC, l.created_at`;
  return rows.map((row) => ({ ...leadOf(row), verdict: verdictOf(row.score, row.reasons) }));
}

export type DuplicateGroupsPage = {
  readonly groups: readonly (DuplicateGroup & { readonly leads: readonly DuplicateLead[] })[];
  /** The groups the strongest pairs make, of which `groups` is one page. */
  readonly total: number;
  /** More pairs than MAX_PAIRS are candidates: the groups are made of the strongest ones. */
  readonly truncated: boolean;
};

/** The call center's candidate groups, strongest first, one page of them with their leads. */
export async function duplicateGroups(db: Db, tenantId: string, { offset = 0, limit = 25 }: { offset?: number; limit?: number } = {}): Promise<DuplicateGroupsPage> {
  // The strongest pairs first, straight off the score index (materialised, so the planner never starts
  // from the lead table instead); then those whose leads are still their own.
  const rows = await db.$queryRaw<{ lead_a: string; lead_b: string; score: number; reasons: unknown; fetched: number }[]>`
    WITH strongest AS MATERIALIZED (
      SELECT lead_a, lead_b, score, reasons FROM duplicate_pairs WHERE tenant_id = ${tenantId}
      ORDER BY score DESC, lead_a, lead_b LIMIT ${MAX_PAIRS + 1}
    )
    SELECT p.lead_a, p.lead_b, p.score, p.reasons, (SELECT count(*) FROM strongest)::int AS fetched
    FROM strongest p
    WHERE EXISTS (SELECT 1 FROM leads l WHERE l.tenant_id = ${tenantId} AND l.lead_id = p.lead_a AND l.merged_into IS NULL)
      AND EXISTS (SELECT 1 FROM leads l WHERE l.tenant_id = ${tenantId} AND l.lead_id = p.lead_b AND l.merged_into IS NULL)
    ORDER BY p.score DESC, p.lead_a, p.lead_b`;
  const all = groupPairs(rows.slice(0, MAX_PAIRS).map((row) => ({ a: row.lead_a, b: row.lead_b, verdict: verdictOf(row.score, row.reasons) })));
  const page = all.slice(offset, offset + limit);
  const leads = await leadsByIds(db, tenantId, page.flatMap((group) => group.leadIds));
  return {
    // Each group's leads oldest first: the first registered is the one a merge proposes to keep.
    groups: page.map((group) => ({ ...group, leads: group.leadIds.flatMap((id) => leads.get(id) ?? []).sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime()) })),
    total: all.length,
    truncated: (rows[0]?.fetched ?? 0) > MAX_PAIRS,
  };
}

async function leadsByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, DuplicateLead>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<LeadRow[]>`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.tenant_id = ${tenantId} AND l.lead_id = ANY(${ids})`;
  return new Map(rows.map((row) => [row.lead_id, leadOf(row)]));
}
