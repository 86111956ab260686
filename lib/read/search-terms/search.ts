// Finding leads by any name, phone or email they hold or once held: what an agent types when a
// caller rings back. Reads the search_terms read model and the leads table.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Region } from '@/lib/leads/contact';
import { parseSearchQuery, type SearchQuery } from './query';
import type { TermKind } from './terms';

export type SearchMatch = {
  kind: TermKind;
  /** The name as written, the phone in E.164 or the email. */
  value: string;
  /** What the agent typed, for phones. */
  display: string;
  current: boolean;
  changedAt: string;
  changedBy: string | null;
  firstHeldAt: string;
  lastHeldAt: string | null;
};

export type LeadSearchResult = {
  leadId: string;
  /** The lead's name now, whichever term matched. */
  name: string;
  status: string;
  matched: SearchMatch;
  /** 1 is best: see `rank`. */
  rank: number;
};

export type LeadSearch = { query: SearchQuery; results: LeadSearchResult[] };

export type SearchOptions = { region: Region; limit?: number };

const MAX_LIMIT = 100;

/** How many merges in a row a search follows from a merged lead to the lead that holds it now. */
const MAX_MERGE_DEPTH = 20;

/**
 * Candidates read per kind of match before ranking. Exact matches are always all read (the btree
 * finds them directly); prefix and partial matches are capped, so a fragment common to 200,000
 * terms ("mail.example", "208") costs a bounded read instead of ranking every match. For such a
 * broad fragment the list shows exact and prefix matches first and then some of the partial ones:
 * typing one more character narrows it.
 */
const CANDIDATES = 500;

export async function searchLeads(db: Db, tenantId: string, text: string, { region, limit = 20 }: SearchOptions): Promise<LeadSearch> {
  const query = parseSearchQuery(text, region);
  if (query.kind === 'too-short') return { query, results: [] };
  const kinds = query.kind === 'text' ? Prisma.sql`t.kind IN ('name', 'email')` : Prisma.sql`t.kind = 'phone'`;
  const shown = Math.min(Math.max(1, Math.trunc(limit)), MAX_LIMIT);
  const rows = await db.$queryRaw<SearchRow[]>`
    WITH RECURSIVE direct AS MATERIALIZED (
      (SELECT t.* FROM search_terms t
       WHERE t.tenant_id = ${tenantId} AND ${kinds} AND t.normalized = ANY(${exactValues(query)}::text[]))
      ${Prisma.join(valuePrefixes(query).map((prefix) => Prisma.sql`UNION
      (SELECT t.* FROM search_terms t WHERE t.tenant_id = ${tenantId} AND ${kinds} AND ${prefix} LIMIT ${CANDIDATES})`), '\n')}
      ${query.kind === 'text' ? Prisma.sql`UNION
      (SELECT t.* FROM search_terms t WHERE t.tenant_id = ${tenantId} AND ${namePrefix(query)} LIMIT ${CANDIDATES})` : Prisma.empty}
    ), candidates AS (
      SELECT * FROM direct
      UNION
      (SELECT t.* FROM search_terms t
       WHERE t.tenant_id = ${tenantId} AND ${matches(query)} AND ${partialMatchesCanShow(query, tenantId, shown)} LIMIT ${CANDIDATES})
    ), merged_into(lead_id, survivor_id, depth) AS (
      -- a merged lead's terms find the lead it was merged into (and that one's survivor, if merged in turn)
      SELECT DISTINCT lead_id, lead_id, 0 FROM candidates
      UNION ALL
      SELECT m.lead_id, s.survivor_id, m.depth + 1
      FROM merged_into m JOIN search_merges s ON s.tenant_id = ${tenantId} AND s.lead_id = m.survivor_id
      WHERE m.depth < ${MAX_MERGE_DEPTH}
    ), survivors AS (
      SELECT DISTINCT ON (lead_id) lead_id, survivor_id FROM merged_into ORDER BY lead_id, depth DESC
    ), matched AS (
      SELECT DISTINCT ON (s.survivor_id) s.survivor_id AS lead_id, t.kind, t.value, t.display, t.current,
             t.changed_at, t.changed_by, t.first_held_at, t.last_held_at, ${rank(query)} AS rank
      FROM candidates t JOIN survivors s ON s.lead_id = t.lead_id
      -- a name before an email (kind DESC) when both match as well and changed together
      ORDER BY s.survivor_id, rank, t.changed_at DESC, t.kind DESC, t.normalized
    ), best AS (
      SELECT * FROM matched ORDER BY rank, changed_at DESC, lead_id
      LIMIT ${shown}
    )
    SELECT best.*, l.name, l.status
    FROM best JOIN leads l ON l.tenant_id = ${tenantId} AND l.lead_id = best.lead_id
    ORDER BY best.rank, best.changed_at DESC, best.lead_id`;
  return { query, results: rows.map(toResult) };
}

type SearchQueryToRun = Exclude<SearchQuery, { kind: 'too-short' }>;

/*
 * Why the partial-match WHERE clause looks like this: at 1M leads (~3.5M terms) the only selective access path is
 * the GIN trigram index on `normalized`, so it should drive the query. One `normalized LIKE '%…%'`
 * per pattern, OR-ed, becomes a BitmapOr of trigram scans; `LIKE ANY(array)` cannot use a GIN
 * index, and a btree cannot serve an infix LIKE (the tenant's btree alone would read every term of
 * a large tenant). The tenant is a recheck on the matched rows, or a BitmapAnd with its btree for a
 * small tenant; for a tiny one the planner rightly reads the tenant's terms. Only the `limit` best
 * leads are joined to `leads`, by primary key. Prefix matches have btree and names-only trigram
 * indexes of their own (valuePrefix, namePrefix): docs/projections.md, "Search".
 */
function matches(query: SearchQueryToRun): Prisma.Sql {
  if (query.kind === 'text') {
    return Prisma.sql`t.kind IN ('name', 'email') AND t.normalized LIKE ${contains(query.normalized)}`;
  }
  const likes = withoutRedundant(searchedDigits(query)).map((digits) => Prisma.sql`t.normalized LIKE ${contains(digits)}`);
  return Prisma.sql`t.kind = 'phone' AND (${Prisma.join(likes, ' OR ')})`;
}

/**
 * Best first: 1 exact current, 2 exact previous, 3 prefix current (the whole value or, for names,
 * a word), 4 partial current, 5 prefix previous, 6 partial previous. Ties go to the latest change.
 */
function rank(query: SearchQueryToRun): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN t.normalized = ANY(${exactValues(query)}::text[]) THEN CASE WHEN t.current THEN 1 ELSE 2 END
    WHEN ${prefixMatch(query)} THEN CASE WHEN t.current THEN 3 ELSE 5 END
    ELSE CASE WHEN t.current THEN 4 ELSE 6 END
  END`;
}

const exactValues = (query: SearchQueryToRun) => (query.kind === 'text' ? [query.normalized] : searchedDigits(query));

/** The whole value starts with the query or, for names, one of its words does. */
function prefixMatch(query: SearchQueryToRun, alias = 't'): Prisma.Sql {
  return query.kind === 'text' ? Prisma.sql`${valuePrefix(query, alias)} OR ${namePrefix(query, alias)}` : valuePrefix(query, alias);
}

/** The whole value starts with the query: a range of the (tenant_id, normalized text_pattern_ops) btree. */
const valuePrefix = (query: SearchQueryToRun, alias = 't'): Prisma.Sql => Prisma.join(valuePrefixes(query, alias), ' OR ');

/**
 * One condition per prefix, each read as its own capped range of the btree: OR-ed together the
 * planner takes a bitmap of them all, and a bitmap reads every match of a broad prefix ("44791")
 * before the cap can stop it.
 */
function valuePrefixes(query: SearchQueryToRun, alias = 't'): Prisma.Sql[] {
  const prefixes = query.kind === 'text' ? [query.normalized] : searchedDigits(query);
  return prefixes.map((prefix) => Prisma.sql`${Prisma.raw(alias)}.normalized LIKE ${startsWith(prefix)}`);
}

/**
 * Partial matches rank below every exact match and every current prefix match (of the whole value
 * or, for names, of a later word). When the direct matches already hold `shown` leads that rank above any partial match, the partial matches are
 * not read at all (a one-time check the database makes before the trigram scan): a broad fragment
 * ("0791") then costs the capped btree ranges alone. Leads merged into another are not counted, so
 * each lead counted is a row of its own in the results.
 */
function partialMatchesCanShow(query: SearchQueryToRun, tenantId: string, shown: number): Prisma.Sql {
  return Prisma.sql`(
    SELECT count(DISTINCT d.lead_id) FROM direct d
    WHERE (d.normalized = ANY(${exactValues(query)}::text[]) OR (d.current AND (${prefixMatch(query, 'd')})))
      AND NOT EXISTS (SELECT 1 FROM search_merges m WHERE m.tenant_id = ${tenantId} AND m.lead_id = d.lead_id)
  ) < ${shown}`;
}

/** A later word of a name starts with the query: read from the trigram index of names alone (kind = 'name', literally). */
const namePrefix = (query: Extract<SearchQueryToRun, { kind: 'text' }>, alias = 't') =>
  Prisma.sql`(${Prisma.raw(alias)}.kind = 'name' AND ${Prisma.raw(alias)}.normalized LIKE ${contains(` ${query.normalized}`)})`;

/** Fragments and complete numbers alike: "+44 07911 123456" is found by its exact number only. */
const searchedDigits = (query: Extract<SearchQuery, { kind: 'phone' }>) => [...new Set([...query.fragments, ...query.exact])];

/** A pattern that contains another finds nothing more: "447911…" is found by "%7911…%" too. */
const withoutRedundant = (digits: readonly string[]) => digits.filter((d) => !digits.some((other) => other !== d && d.includes(other)));

/** Typed % _ and \ are literal characters, not LIKE wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const contains = (text: string) => `%${escapeLike(text)}%`;
const startsWith = (text: string) => `${escapeLike(text)}%`;

type SearchRow = {
  lead_id: string;
  name: string;
  status: string;
  kind: TermKind;
  value: string;
  display: string;
  current: boolean;
  changed_at: Date;
  changed_by: string | null;
  first_held_at: Date;
  last_held_at: Date | null;
  rank: number;
};

function toResult(row: SearchRow): LeadSearchResult {
  return {
    leadId: row.lead_id,
    name: row.name,
    status: row.status,
    matched: {
      kind: row.kind,
      value: row.value,
      display: row.display,
      current: row.current,
      changedAt: row.changed_at.toISOString(),
      changedBy: row.changed_by,
      firstHeldAt: row.first_held_at.toISOString(),
      lastHeldAt: row.last_held_at?.toISOString() ?? null,
    },
    rank: Number(row.rank),
  };
}
