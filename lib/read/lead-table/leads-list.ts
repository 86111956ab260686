import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { addDays, startOfDay } from '@/lib/input/time';
import { can } from '@/lib/auth/roles';
import type { LeadStatus, Phone } from '@/lib/leads/lead';
import {
  COUNT_CAP, lastPageAllowed, parseLeadListParams,
  type DueFilter, type LeadListParams, type RawSearchParams, type SortDirection, type SortKey,
} from '@/lib/read/lead-table/list-params';

// One page of a tenant's lead table, sorted and filtered as the URL says. Built for a million leads:
// every sort has a tenant index behind it (owner names aside, see ORDER) and counting stops at
// COUNT_CAP rows instead of counting them all on every page.

export type LeadListRow = {
  leadId: string;
  name: string;
  phones: Phone[];
  emails: string[];
  status: LeadStatus;
  ownerId: string | null;
  ownerName: string | null;
  followUpAt: string | null;
  updatedAt: string;
  /** The lead's version as read: what a change made from this row expects it to be (bulk changes). */
  version: number;
};

export type LeadOwner = { id: string; name: string };

export type LeadList = {
  params: LeadListParams;
  rows: LeadListRow[];
  /** Leads matching the filters, at most COUNT_CAP + 1: beyond the cap read "10,000+". */
  total: number;
  capped: boolean;
  pageCount: number;
  /** The users leads can be assigned to, for the owner filter. */
  owners: LeadOwner[];
};

export type Viewer = { id: string; tenantId: string };

/** Reads the list's state from `searchParams` and loads that page for the viewer's tenant. */
export async function loadLeadList(database: Db, viewer: Viewer, searchParams: RawSearchParams, now = new Date()): Promise<LeadList> {
  const users = await database.user.findMany({ where: { tenantId: viewer.tenantId }, select: { id: true, name: true, role: true }, orderBy: { name: 'asc' } });
  const owners = users.filter((user) => can(user.role, 'work-leads')).map(({ id, name }) => ({ id, name }));
  const requested = parseLeadListParams(searchParams, owners.map((owner) => owner.id));
  const where = whereClause(viewer, requested, now);

  const [{ matching }] = await database.$queryRaw<[{ matching: number }]>`
    SELECT count(*)::int AS matching FROM (SELECT 1 FROM leads l WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`;
  const capped = matching > COUNT_CAP;
  const pageCount = Math.max(1, Math.min(Math.ceil(matching / requested.size), lastPageAllowed(requested.size)));
  const params = { ...requested, page: Math.min(requested.page, pageCount) };

  const rows = await database.$queryRaw<RawRow[]>`
    SELECT l.lead_id, l.name, l.phones, l.emails, l.status, l.owner_id, l.follow_up_at, l.updated_at, l.version
    FROM leads l ${params.sort === 'owner' ? ownerJoin : Prisma.empty}
    WHERE ${where}
    ORDER BY ${ORDER[params.sort](params.dir)}
    LIMIT ${params.size} OFFSET ${(params.page - 1) * params.size}`;
  const names = new Map(users.map((user) => [user.id, user.name]));
  return { params, rows: rows.map((row) => toListRow(row, names)), total: matching, capped, pageCount, owners };
}

/**
 * Every lead matching the list's filters (the URL's search params), at most `limit`, with the
 * version each is at now: the leads and versions an "all matching" bulk change is made from.
 */
export async function matchingLeadVersions(database: Db, viewer: Viewer, searchParams: RawSearchParams, limit: number, now = new Date()) {
  const users = await database.user.findMany({ where: { tenantId: viewer.tenantId }, select: { id: true, role: true } });
  const params = parseLeadListParams(searchParams, users.filter((user) => can(user.role, 'work-leads')).map((user) => user.id));
  const rows = await database.$queryRaw<{ lead_id: string; version: number }[]>`
    SELECT l.lead_id, l.version FROM leads l WHERE ${whereClause(viewer, params, now)} ORDER BY l.lead_id LIMIT ${limit}`;
  return rows.map((row) => ({ leadId: row.lead_id, version: row.version }));
}

export const ownerJoin = Prisma.sql`LEFT JOIN users owner_user ON owner_user.id = l.owner_id AND owner_user.tenant_id = l.tenant_id`;

// Every order ends on lead_id, so rows with equal keys keep their place from page to page. Most
// orders are an index read forwards or backwards (measured at 1M leads a tenant: under 70 ms even on
// the last page). Status descending is status ascending reversed, for that reason. Two sort all the
// matches (about 0.3-0.6 s at 1M): follow-up descending, as leads without one come last either
// way, and owner, as owner names are not in the lead table.
export const ORDER: Record<SortKey, (dir: SortDirection) => Prisma.Sql> = {
  name: (dir) => Prisma.sql`l.name ${direction(dir)}, l.lead_id ${direction(dir)}`,
  status: (dir) => (dir === 'asc'
    ? Prisma.sql`l.status ASC, l.updated_at DESC, l.lead_id ASC`
    : Prisma.sql`l.status DESC, l.updated_at ASC, l.lead_id DESC`),
  owner: (dir) => Prisma.sql`owner_user.name ${direction(dir)} NULLS LAST, l.lead_id ${direction(dir)}`,
  followUp: (dir) => Prisma.sql`l.follow_up_at ${direction(dir)} NULLS LAST, l.lead_id ${direction(dir)}`,
  updated: (dir) => Prisma.sql`l.updated_at ${direction(dir)}, l.lead_id ${direction(dir)}`,
};

const direction = (dir: SortDirection) => Prisma.raw(dir === 'asc' ? 'ASC' : 'DESC');

export function whereClause(viewer: Viewer, params: LeadListParams, now: Date): Prisma.Sql {
  // A merged lead lives on in the lead it was merged into.
  const conditions = [Prisma.sql`l.tenant_id = ${viewer.tenantId}`, Prisma.sql`l.merged_into IS NULL`];
  if (params.statuses.length > 0) conditions.push(Prisma.sql`l.status IN (${Prisma.join(params.statuses)})`);
  if (params.owner === 'me') conditions.push(Prisma.sql`l.owner_id = ${viewer.id}`);
  else if (params.owner === 'unassigned') conditions.push(Prisma.sql`l.owner_id IS NULL`);
  else if (params.owner) conditions.push(Prisma.sql`l.owner_id = ${params.owner}`);
  if (params.due) conditions.push(dueCondition(params.due, now));
  if (params.updatedFrom) conditions.push(Prisma.sql`l.updated_at >= ${startOfDay(params.updatedFrom)}`);
  if (params.updatedTo) conditions.push(Prisma.sql`l.updated_at < ${addDays(startOfDay(params.updatedTo), 1)}`);
  return Prisma.join(conditions, ' AND ');
}

/** The follow-up times a due filter takes in: `[from, before)`, or none set. "Today" is the UTC day. */
export function dueWindow(due: DueFilter, now: Date): { from?: Date; before?: Date } | 'none' {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  switch (due) {
    case 'overdue': return { before: now };
    case 'today': return { from: today, before: addDays(today, 1) };
    case 'week': return { from: now, before: addDays(now, 7) };
    case 'none': return 'none';
  }
}

function dueCondition(due: DueFilter, now: Date): Prisma.Sql {
  const window = dueWindow(due, now);
  if (window === 'none') return Prisma.sql`l.follow_up_at IS NULL`;
  const bounds = [
    window.from ? Prisma.sql`l.follow_up_at >= ${window.from}` : null,
    window.before ? Prisma.sql`l.follow_up_at < ${window.before}` : null,
  ].filter((bound) => bound !== null);
  return Prisma.join(bounds, ' AND ');
}


type RawRow = {
  lead_id: string; name: string; phones: Phone[]; emails: string[]; status: LeadStatus;
  owner_id: string | null; follow_up_at: Date | null; updated_at: Date; version: number;
};

function toListRow(row: RawRow, names: Map<string, string>): LeadListRow {
  return {
    leadId: row.lead_id,
    name: row.name,
    phones: row.phones,
    emails: row.emails,
    status: row.status,
    ownerId: row.owner_id,
    ownerName: row.owner_id ? (names.get(row.owner_id) ?? row.owner_id) : null,
    followUpAt: row.follow_up_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
