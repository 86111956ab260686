// The analytics page's filters as they live in the URL: a date range (UTC days, both ends
// inclusive), an agent and a lead source. Pure, so the page, the CSV route and the tests share it.
// A bad value is reported by the name of its filter and replaced by its default; it never fails
// the page.
import { z } from 'zod';
import { addDays, dayField, dayOf, parseInstant, startOfDay } from '@/lib/input/time';
import type { Bucket } from '@/lib/read/status-history/queries-conversions';

export type AnalyticsFilters = {
  /** YYYY-MM-DD, UTC, inclusive. */
  readonly from: string;
  /** YYYY-MM-DD, UTC, inclusive. */
  readonly to: string;
  /** A user id of the tenant: only what this user did. */
  readonly agent: string | null;
  readonly source: string | null;
};

export type FilterName = 'from' | 'to' | 'range' | 'agent' | 'source' | 'at';
export type FilterProblem = { readonly filter: FilterName; readonly message: string };

export const FILTER_LABELS: Record<FilterName, string> = { from: 'From', to: 'To', range: 'Date range', agent: 'Agent', source: 'Source', at: 'As of' };
export const DEFAULT_DAYS = 90;
export const MAX_DAYS = 732;
/** Up to this many days, conversions are counted per day; beyond, per week. */
export const DAILY_UP_TO_DAYS = 45;

const DAY_MS = 86_400_000;
const dayPlus = (day: string, days: number) => dayOf(addDays(startOfDay(day), days));

export function defaultFilters(now: Date): AnalyticsFilters {
  const today = dayOf(now);
  return { from: dayPlus(today, 1 - DEFAULT_DAYS), to: today, agent: null, source: null };
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const day = dayField('is not a date: use YYYY-MM-DD');

/** The options the agent and source filters accept: the tenant's users and its leads' sources. */
export type FilterOptions = { readonly agents: readonly { id: string; name: string }[]; readonly sources: readonly string[] };

export type ParsedFilters = { readonly filters: AnalyticsFilters; readonly problems: readonly FilterProblem[] };

/** Reads the filters from search params. Empty values mean "no filter" (or the default dates). */
export function parseAnalyticsFilters(raw: RawSearchParams, options: FilterOptions, now: Date): ParsedFilters {
  const defaults = defaultFilters(now);
  const problems: FilterProblem[] = [];
  const value = (name: FilterName) => {
    const given = raw[name];
    if (Array.isArray(given)) {
      problems.push({ filter: name, message: `${FILTER_LABELS[name]}: give one value, not ${given.length}.` });
      return undefined;
    }
    return given === undefined || given.trim() === '' ? undefined : given.trim();
  };
  const check = <T>(name: FilterName, schema: z.ZodType<T>, given: string | undefined): T | undefined => {
    if (given === undefined) return undefined;
    const result = schema.safeParse(given);
    if (result.success) return result.data;
    problems.push({ filter: name, message: `${FILTER_LABELS[name]}: "${given.slice(0, 40)}" ${result.error.issues[0]!.message}.` });
    return undefined;
  };

  let from = check('from', day, value('from')) ?? defaults.from;
  let to = check('to', day, value('to')) ?? defaults.to;
  if (from > to) {
    problems.push({ filter: 'range', message: `${FILTER_LABELS.range}: "From" (${from}) is after "To" (${to}).` });
    ({ from, to } = defaults);
  } else if (daysIn({ from, to }) > MAX_DAYS) {
    problems.push({ filter: 'range', message: `${FILTER_LABELS.range}: at most ${MAX_DAYS} days at a time.` });
    ({ from, to } = defaults);
  }

  const oneOf = (name: 'agent' | 'source', allowed: readonly string[], unknown: (given: string) => string): string | null => {
    const given = value(name);
    if (given === undefined) return null;
    if (allowed.includes(given)) return given;
    problems.push({ filter: name, message: `${FILTER_LABELS[name]}: ${unknown(`"${given.slice(0, 40)}"`)}.` });
    return null;
  };
  const agent = oneOf('agent', options.agents.map((each) => each.id), (given) => `${given} is not a user of your organisation`);
  const source = oneOf('source', options.sources, (given) => `no lead has the source ${given}`);

  return { filters: { from, to, agent, source }, problems };
}

/** The moment a CSV download is computed at (`at`, so it matches the page it came from), or null for now. */
export function parseAsOf(raw: RawSearchParams): Date | FilterProblem | null {
  const given = raw.at;
  if (given === undefined || given === '') return null;
  const moment = typeof given === 'string' ? parseInstant(given) : null;
  return moment ?? { filter: 'at', message: `${FILTER_LABELS.at}: "${String(given).slice(0, 40)}" is not a time.` };
}

export const daysIn = ({ from, to }: { from: string; to: string }) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** The range as a time window: from the first day's midnight (UTC) to the midnight after the last. */
export const windowOf = (filters: AnalyticsFilters) => ({
  from: startOfDay(filters.from),
  to: addDays(startOfDay(filters.to), 1),
});

export const bucketOf = (filters: AnalyticsFilters): Bucket => (daysIn(filters) <= DAILY_UP_TO_DAYS ? 'day' : 'week');

/** The query string for the filters (and `at`, for downloads), leaving out empty ones. */
export function toSearchString(filters: AnalyticsFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ from: filters.from, to: filters.to, agent: filters.agent, source: filters.source, ...extra });
  const search = new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== ''));
  return `?${search.toString()}`;
}
