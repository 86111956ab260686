// Calling hours in the called person's local time: whether they are open at a moment in a zone, and
// when they open next. Pure (the moment comes in; no clock), and every wall-clock reading and
// conversion goes through Luxon and the IANA zone data, so daylight-saving changes are the zone
// data's to tell: on the day the clocks go forward an 08:00 opening is still 08:00 local time, a
// window over the skipped hour is that much shorter, and one over the repeated hour is open through
// both passes of it.
import { DateTime } from 'luxon';
import { regionAndCountry } from './regions';
import type { CallingHours, DialingRules } from './rules';

/** How far ahead the next opening is looked for, in local calendar days after today. */
export const SEARCH_DAYS = 8;

export type WindowState =
  | { readonly open: true; readonly zone: string; readonly localTime: string }
  | {
      readonly open: false;
      readonly zone: string;
      /** The local wall clock now, HH:MM. */
      readonly localTime: string;
      /** The first moment the hours are open, within SEARCH_DAYS; null when they never are. */
      readonly opensAt: Date | null;
      /** That moment on the local wall clock, HH:MM. */
      readonly opensLocal: string | null;
    };

/** Hours in several zones at once: open only when open in every one. */
export type PlacesWindowState = WindowState & {
  /** Each place's own state; the top level speaks for the first closed one (or the first, when open). */
  readonly places: readonly WindowState[];
};

export type Place = { readonly zone: string; readonly hours: CallingHours };

/** The hours that apply in `region`: the most specific override (`US-FL`, then `US`), else the default. */
export function hoursFor(rules: Pick<DialingRules, 'hours' | 'overrides'>, region: string | null): CallingHours {
  for (const candidate of region ? regionAndCountry(region) : []) {
    const override = rules.overrides.find((entry) => entry.region === candidate);
    if (override) return override.hours;
  }
  return rules.hours;
}

export function windowAt(hours: CallingHours, zone: string, at: Date): WindowState {
  const now = inZone(at, zone);
  if (isWithin(hours, now)) return { open: true, zone, localTime: clock(now) };
  const opens = nextOpening(hours, now);
  return { open: false, zone, localTime: clock(now), opensAt: opens?.toJSDate() ?? null, opensLocal: opens ? clock(opens) : null };
}

/** The same hours in several zones (a lead whose phones may ring in any of them). */
export function windowInZones(hours: CallingHours, zones: readonly string[], at: Date): PlacesWindowState {
  return windowEverywhere(zones.map((zone) => ({ zone, hours })), at);
}

/**
 * Open only when each place's hours are open in its zone; when not, the first moment they are
 * open in all of them at once, found by moving to the latest of the closed places' next openings
 * until every place is open (or the search runs past SEARCH_DAYS).
 */
export function windowEverywhere(places: readonly Place[], at: Date): PlacesWindowState {
  if (places.length === 0) throw new Error('Calling hours need at least one zone');
  const states = places.map((place) => windowAt(place.hours, place.zone, at));
  const closed = states.find((state): state is Extract<WindowState, { open: false }> => !state.open);
  if (!closed) return { ...states[0]!, places: states };
  const opensAt = firstOpenEverywhere(places, at);
  return { ...closed, opensAt, opensLocal: opensAt ? clock(inZone(opensAt, closed.zone)) : null, places: states };
}

/** The lead's local calendar day of a moment (YYYY-MM-DD), and when the next one starts. */
export function localDay(at: Date, zone: string): { day: string; nextStartsAt: Date } {
  const now = inZone(at, zone);
  return { day: now.toISODate()!, nextStartsAt: now.startOf('day').plus({ days: 1 }).toJSDate() };
}

// ---- Wall clocks ------------------------------------------------------------------------------

function inZone(at: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) throw new Error(`Unknown time zone "${zone}"`);
  return local;
}

const pad = (value: number) => String(value).padStart(2, '0');
const clock = (local: DateTime) => `${pad(local.hour)}:${pad(local.minute)}`;

/** `from` inclusive, `to` exclusive, on the listed ISO weekdays of the local calendar. */
const isWithin = (hours: CallingHours, local: DateTime) =>
  (hours.days as readonly number[]).includes(local.weekday) && hours.from <= clock(local) && clock(local) < hours.to;

function nextOpening(hours: CallingHours, now: DateTime): DateTime | null {
  // Calendar days counted in UTC, where every day has 24 hours; each is then read in the zone.
  const today = DateTime.fromISO(now.toISODate()!, { zone: 'utc' });
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const date = today.plus({ days: offset });
    if (!(hours.days as readonly number[]).includes(date.weekday)) continue;
    const candidates = [...momentsAt(date, hours.from, now.zoneName!), ...clockChangesOn(date, now.zoneName!)].sort((a, b) => a.toMillis() - b.toMillis());
    const opening = candidates.find((moment) => moment > now && isWithin(hours, moment));
    if (opening) return opening;
  }
  return null;
}

/**
 * The moments a wall-clock time occurs on a date: one, two when the clocks go back over it, none
 * when they skip it (the clock change itself is then a candidate opening, see clockChangesOn).
 */
function momentsAt(date: DateTime, time: string, zone: string): DateTime[] {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wanted = `${date.toISODate()} ${time}`;
  const wall = (moment: DateTime) => `${moment.toISODate()} ${clock(moment)}`;
  // Luxon reads a repeated wall time as its later occurrence; the earlier one is an offset change before it.
  const later = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone });
  if (wall(later) !== wanted) return [];
  const earlier = [60, 30].map((minutes) => later.minus({ minutes })).find((moment) => wall(moment) === wanted);
  return earlier ? [earlier, later] : [later];
}

/** The moment the zone's offset changes on a local date, if it does (binary search to the minute). */
function clockChangesOn(date: DateTime, zone: string): DateTime[] {
  const start = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone }).toMillis();
  const end = start + 26 * 3_600_000;
  const offsetAt = (millis: number) => DateTime.fromMillis(millis, { zone }).offset;
  if (offsetAt(start) === offsetAt(end)) return [];
  let [low, high] = [start, end];
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (offsetAt(middle) === offsetAt(start)) low = middle;
    else high = middle;
  }
  const change = DateTime.fromMillis(high, { zone });
  return change.toISODate() === date.toISODate() ? [change] : [];
}

function firstOpenEverywhere(places: readonly Place[], at: Date): Date | null {
  const horizon = at.getTime() + (SEARCH_DAYS + 1) * 86_400_000;
  let moment = at;
  // Each round moves to a later opening of some place: a few per day of search at most.
  for (let round = 0; round < 20 * (SEARCH_DAYS + 1); round++) {
    const states = places.map((place) => windowAt(place.hours, place.zone, moment));
    const waits = states.flatMap((state) => (state.open ? [] : [state.opensAt]));
    if (waits.length === 0) return moment;
    if (waits.some((wait) => wait === null)) return null;
    moment = new Date(Math.max(...waits.map((wait) => wait!.getTime())));
    if (moment.getTime() > horizon) return null;
  }
  return null;
}
