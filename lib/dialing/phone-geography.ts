// Where a phone number rings: its country, its region where Google's libphonenumber data tell it
// (the US states and Canadian provinces, from the geocoder's description: "Florida", "New York, NY",
// "Ontario"), and the time zones it may be in (one for a London landline; London, Guernsey and the
// Isle of Man for a UK mobile; every North American zone for a toll-free number). Calling hours are
// kept in these zones (lib/dialing/calling-hours.ts).
//
// libphonenumber-geo-carrier reads and decodes a data file on every lookup (30-90 ms for North
// America and Australia), so answers are cached. Its descriptions are keyed by at most the first 7
// digits of the national number and its zones by at most the first 9 digits of the number, so the
// first PREFIX_DIGITS digits decide both: numbers that share them share one cached lookup (a test
// checks the data files still say so).
import { IANAZone } from 'luxon';
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { geocoder, timezones } from 'libphonenumber-geo-carrier';
import { subdivisionCode } from './regions';

export const PREFIX_DIGITS = 10;
const MAX_CACHED_PREFIXES = 20_000;

export type PhoneGeography = {
  readonly e164: string;
  /** ISO 3166-1 alpha-2; null for a number of no country (+800, +882) or one that does not parse. */
  readonly country: string | null;
  /** ISO 3166-2 (`US-FL`, `CA-ON`): usually one, several where a range spans provinces, none where unknown. */
  readonly regions: readonly string[];
  /** IANA zones, sorted; none when the data know nothing of the number. */
  readonly zones: readonly string[];
};

export type LeadGeography = {
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  /** Every zone any of the lead's phones may be in: the candidate zones of its calling hours. */
  readonly zones: readonly string[];
  readonly phones: readonly PhoneGeography[];
};

type Lookup = { readonly description: string | null; readonly zones: readonly string[] };

// Least recently used first: a hit moves its prefix to the end, the first is evicted when full.
const cache = new Map<string, Promise<Lookup>>();

export async function phoneGeography(e164: string): Promise<PhoneGeography> {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return { e164, country: null, regions: [], zones: [] };
  const { description, zones } = await lookup(parsed);
  // A possible number in a range newer than the data: the main country of its calling code.
  const country = parsed.country ?? parsed.getPossibleCountries()[0] ?? null;
  return { e164, country, regions: country && description ? regionsOf(country, description) : [], zones };
}

/** A lead's places and zones: the union over its phones (E.164). */
export async function leadGeography(phones: readonly string[]): Promise<LeadGeography> {
  const each = await Promise.all(phones.map(phoneGeography));
  const union = (pick: (phone: PhoneGeography) => readonly (string | null)[]) =>
    [...new Set(each.flatMap(pick).filter((value): value is string => value !== null))].sort();
  return { countries: union((phone) => [phone.country]), regions: union((phone) => phone.regions), zones: union((phone) => phone.zones), phones: each };
}

// The geocoder's few spellings that are not a subdivision's name.
const ALIASES: Readonly<Record<string, string>> = { 'British Colombia': 'CA-BC', 'Watson Lake': 'CA-YT' };

/**
 * The subdivisions a geocoder description names in `country`: "Florida", "Chicago, IL",
 * "Nova Scotia/Prince Edward Island". A city alone, or a country without subdivisions, names none.
 */
export function regionsOf(country: string, description: string): string[] {
  const afterComma = /,\s*([A-Z]{2})$/.exec(description)?.[1];
  const names = afterComma ? [afterComma] : description.split('/');
  const codes = names.map((name) => (country === 'CA' ? ALIASES[name.trim()] : undefined) ?? subdivisionCode(country, name));
  return [...new Set(codes.filter((code): code is string => code !== null))].sort();
}

function lookup(number: PhoneNumber): Promise<Lookup> {
  const prefix = number.number.replace(/^\+/, '').slice(0, PREFIX_DIGITS);
  const cached = cache.get(prefix);
  if (cached) {
    cache.delete(prefix);
    cache.set(prefix, cached);
    return cached;
  }
  // The promise is cached, so concurrent lookups of one prefix read the data once.
  const pending = Promise.all([geocoder(number, 'en'), timezones(number)]).then(([description, zones]): Lookup => ({
    description: description || null,
    zones: [...new Set((zones ?? []).filter((zone) => IANAZone.isValidZone(zone)))].sort(),
  }));
  cache.set(prefix, pending);
  pending.catch(() => cache.delete(prefix));
  if (cache.size > MAX_CACHED_PREFIXES) cache.delete(cache.keys().next().value!);
  return pending;
}

/** How many prefixes are cached: for tests of the bound. */
export const cachedPrefixes = () => cache.size;
