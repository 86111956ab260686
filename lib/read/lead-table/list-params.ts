// The lead list's state as it lives in the URL: paging, sorting and filters. Shared by the page
// (which parses it) and the table (which writes it), so it holds no server code. Each parameter is
// parsed on its own: a bad one falls back to its default and never spoils the others.
import { z } from 'zod';
import { dayField } from '@/lib/input/time';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/leads/lead';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const SORT_KEYS = ['name', 'status', 'owner', 'followUp', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The direction a column sorts in when first clicked: the newest changes first, names A to Z. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = { name: 'asc', status: 'asc', owner: 'asc', followUp: 'asc', updated: 'desc' };

export const DUE_FILTERS = ['overdue', 'today', 'week', 'none'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** The columns an agent may hide; the name and the status always show. */
export const HIDEABLE_COLUMNS = ['phones', 'emails', 'owner', 'followUp', 'updated'] as const;
export type HideableColumn = (typeof HIDEABLE_COLUMNS)[number];

/** `me`, `unassigned` or a user id of the tenant. */
export type OwnerFilter = string;

/** Counting stops here, so a page over a million leads never counts them all; paging stops too. */
export const COUNT_CAP = 10_000;

export type LeadListParams = {
  readonly page: number;
  readonly size: PageSize;
  readonly sort: SortKey;
  readonly dir: SortDirection;
  readonly statuses: readonly LeadStatus[];
  readonly owner: OwnerFilter | null;
  readonly due: DueFilter | null;
  /** Inclusive days, YYYY-MM-DD (UTC). */
  readonly updatedFrom: string | null;
  readonly updatedTo: string | null;
  /** Columns not shown, in HIDEABLE_COLUMNS order. */
  readonly hidden: readonly HideableColumn[];
};

export const DEFAULT_PARAMS: LeadListParams = {
  page: 1, size: 25, sort: 'updated', dir: 'desc', statuses: [], owner: null, due: null, updatedFrom: null, updatedTo: null, hidden: [],
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const single = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema);

const day = dayField('is not a date');

/** A comma list (or repeated parameter) of known values, in their own order; unknown values are dropped. */
const listOf = <T extends string>(known: readonly T[]) => z.preprocess(
  (value) => [value].flat().filter((part) => typeof part === 'string').flatMap((part) => part.split(',')),
  z.array(z.string()).transform((parts) => known.filter((value) => parts.includes(value))),
).catch([]);

const schema = z.object({
  page: single(z.coerce.number().int().min(1)).catch(1),
  size: single(z.coerce.number().pipe(z.literal(PAGE_SIZES))).catch(25),
  sort: single(z.enum(SORT_KEYS)).catch('updated'),
  dir: single(z.enum(['asc', 'desc']).optional()).catch(undefined),
  status: listOf(LEAD_STATUSES),
  hide: listOf(HIDEABLE_COLUMNS),
  owner: single(z.string().min(1).max(200).optional()).catch(undefined),
  due: single(z.enum(DUE_FILTERS).optional()).catch(undefined),
  updatedFrom: single(day.optional()).catch(undefined),
  updatedTo: single(day.optional()).catch(undefined),
});

/** The largest page number for a page size: paging stops where counting does. */
export const lastPageAllowed = (size: PageSize) => Math.ceil(COUNT_CAP / size);

/**
 * Reads the list's state from search params. `ownerIds` are the users whose leads may be asked
 * for: any other owner is ignored, as is any other value that does not parse.
 */
export function parseLeadListParams(raw: RawSearchParams, ownerIds: readonly string[] = []): LeadListParams {
  const parsed = schema.parse(raw);
  const owner = parsed.owner && (['me', 'unassigned'].includes(parsed.owner) || ownerIds.includes(parsed.owner)) ? parsed.owner : null;
  return {
    page: Math.min(parsed.page, lastPageAllowed(parsed.size)),
    size: parsed.size,
    sort: parsed.sort,
    dir: parsed.dir ?? FIRST_DIRECTION[parsed.sort],
    statuses: parsed.status,
    owner,
    due: parsed.due ?? null,
    updatedFrom: parsed.updatedFrom ?? null,
    updatedTo: parsed.updatedTo ?? null,
    hidden: parsed.hide,
  };
}

/** The search string for a state, without the parameters that hold their default. */
export function toSearchString(params: LeadListParams): string {
  const entries: [string, string | null][] = [
    ['sort', params.sort === DEFAULT_PARAMS.sort ? null : params.sort],
    ['dir', params.dir === FIRST_DIRECTION[params.sort] ? null : params.dir],
    ['status', params.statuses.length ? params.statuses.join(',') : null],
    ['owner', params.owner],
    ['due', params.due],
    ['updatedFrom', params.updatedFrom],
    ['updatedTo', params.updatedTo],
    ['hide', params.hidden.length ? params.hidden.join(',') : null],
    ['size', params.size === DEFAULT_PARAMS.size ? null : String(params.size)],
    ['page', params.page === 1 ? null : String(params.page)],
  ];
  const search = new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== null));
  const text = search.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** The state after a change: any change but a page turn starts again at page 1. */
export function withChange(params: LeadListParams, change: Partial<LeadListParams>): LeadListParams {
  return { ...params, page: 1, ...change };
}

export const hasFilters = (params: LeadListParams) =>
  params.statuses.length > 0 || params.owner !== null || params.due !== null || params.updatedFrom !== null || params.updatedTo !== null;
