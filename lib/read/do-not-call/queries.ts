// Every question asked of the do-not-call list's table: which of some numbers are blocked (asked on
// every lead page and every "next lead", so one primary-key probe per number), a page of the list
// for the Do-not-call page, and its counts.
import type { Db } from '@/lib/db/client';
import { hashedNumber } from '@/lib/erasure/number-hash';
import { Prisma } from '@/lib/generated/prisma/client';

export type BlockedNumber = {
  readonly reason: string;
  /** manual | call | api | import:<import id> */
  readonly source: string;
  /** The actor who blocked it (a user id, or `token:<id>`), or null when the event named none. */
  readonly blockedBy: string | null;
  readonly blockedAt: string;
};

/**
 * Of `phones` (E.164; omitted: every number), those the tenant's list blocks now, each with why,
 * from where, by whom and since when. A number kept as a hash (its person's data was erased,
 * docs/erasure.md) is found by the number as well.
 */
export async function blockedNumbers(db: Db, tenantId: string, phones?: readonly string[]): Promise<Map<string, BlockedNumber>> {
  const wanted = phones && [...new Set(phones)];
  if (wanted?.length === 0) return new Map();
  const byHash = new Map(wanted?.map((phone) => [hashedNumber(tenantId, phone), phone]));
  const rows = await db.doNotCallEntry.findMany({
    where: { tenantId, ...(wanted ? { phone: { in: [...wanted, ...byHash.keys()] } } : {}), active: true },
    select: { phone: true, reason: true, source: true, blockedBy: true, blockedAt: true },
  });
  return new Map(rows.map((row) => [
    byHash.get(row.phone) ?? row.phone,
    { reason: row.reason, source: row.source, blockedBy: row.blockedBy, blockedAt: row.blockedAt.toISOString() },
  ]));
}

export type DncListRow = BlockedNumber & { readonly phone: string };

/** Rows counted past this read "10,000+", as the lead list's do: a page need not count a million numbers. */
export const DNC_COUNT_CAP = 10_000;
export const DNC_PAGE_SIZE = 50;

export type DncListPage = {
  readonly rows: readonly DncListRow[];
  /** Matching numbers, at most DNC_COUNT_CAP + 1. */
  readonly total: number;
  readonly capped: boolean;
  readonly page: number;
  readonly pageCount: number;
};

/**
 * A page of the numbers the tenant's list blocks, newest first. `fragments`: digit strings, any of
 * which the number must contain (the search box's phone fragments, lib/read/search-terms/query.ts:
 * "07911 12" is looked for as "0791112", "791112" and "44791112"). `numbers`: when what was typed
 * is a whole number, its E.164, looked up by the primary key instead: digits are a small alphabet,
 * so each of a long fragment's trigrams is held by a large share of a big list.
 */
export async function doNotCallList(
  db: Db,
  tenantId: string,
  { fragments = [], numbers = [], page = 1, size = DNC_PAGE_SIZE }: { fragments?: readonly string[]; numbers?: readonly string[]; page?: number; size?: number } = {},
): Promise<DncListPage> {
  const digits = fragments.filter((fragment) => /^\d+$/.test(fragment));
  const matches = numbers.length > 0
    ? Prisma.sql`AND phone = ANY(${[...numbers]}::text[])`
    : digits.length > 0 ? Prisma.sql`AND (${Prisma.join(digits.map((fragment) => Prisma.sql`phone LIKE ${`%${fragment}%`}`), ' OR ')})` : Prisma.empty;
  const where = Prisma.sql`tenant_id = ${tenantId} AND active ${matches}`;
  const [{ matching }] = await db.$queryRaw<[{ matching: number }]>`
    SELECT count(*)::int AS matching FROM (SELECT 1 FROM do_not_call WHERE ${where} LIMIT ${DNC_COUNT_CAP + 1}) capped`;
  const pageCount = Math.max(1, Math.ceil(Math.min(matching, DNC_COUNT_CAP) / size));
  const shown = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = await db.$queryRaw<{ phone: string; reason: string; source: string; blocked_by: string | null; blocked_at: Date }[]>`
    SELECT phone, reason, source, blocked_by, blocked_at FROM do_not_call
    WHERE ${where}
    ORDER BY blocked_at DESC, phone DESC
    LIMIT ${size} OFFSET ${(shown - 1) * size}`;
  return {
    rows: rows.map((row) => ({ phone: row.phone, reason: row.reason, source: row.source, blockedBy: row.blocked_by, blockedAt: row.blocked_at.toISOString() })),
    total: matching,
    capped: matching > DNC_COUNT_CAP,
    page: shown,
    pageCount,
  };
}

export type DncCounts = {
  /** Numbers blocked now. */
  readonly blocked: number;
  /** Numbers once blocked and since removed from the list. */
  readonly removed: number;
  /** The blocked numbers by where their entry came from (imports of any file together). */
  readonly bySource: Readonly<Record<'manual' | 'import' | 'call' | 'api', number>>;
};

export async function doNotCallCounts(db: Db, tenantId: string): Promise<DncCounts> {
  const rows = await db.$queryRaw<{ active: boolean; origin: string; numbers: number }[]>`
    SELECT active, split_part(source, ':', 1) AS origin, count(*)::int AS numbers
    FROM do_not_call WHERE tenant_id = ${tenantId} GROUP BY active, origin`;
  const bySource = { manual: 0, import: 0, call: 0, api: 0 };
  let blocked = 0;
  let removed = 0;
  for (const row of rows) {
    if (!row.active) {
      removed += row.numbers;
      continue;
    }
    blocked += row.numbers;
    if (row.origin in bySource) bySource[row.origin as keyof typeof bySource] += row.numbers;
  }
  return { blocked, removed, bySource };
}
