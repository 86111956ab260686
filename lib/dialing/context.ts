// The dialing rules as they apply to one lead: its calling hours in its zones, its local day, the
// numbers of it that are on the do-not-call list, and the tenant's dispositions and claim time. The
// sources (the tenant's rules, the list, where a number rings) are given by the composition root.
import type { RegisteredLead } from '@/lib/leads/lead';
import type { DialingContext } from '@/lib/leads/dialing';
import type { BlockedNumber, LocalDay, WindowState } from './dialability';
import type { CallingHours, DialingRules } from './rules';

export type PhonePlace = { readonly country: string | null; readonly region: string | null; readonly timeZones: readonly string[] };

export type DialingSources = {
  rules(tenantId: string): Promise<DialingRules>;
  blockedNumbers(tenantId: string, phones: readonly string[]): Promise<ReadonlyMap<string, BlockedNumber>>;
  /** Where each number rings: its country, region and possible time zones. */
  places(phones: readonly string[]): Promise<ReadonlyMap<string, PhonePlace>>;
};

export type LeadDialing = DialingContext & { readonly zones: readonly string[]; readonly region: string | null };

export async function dialingContextFor(sources: DialingSources, tenantId: string, lead: RegisteredLead): Promise<LeadDialing> {
  const phones = lead.phones.map((phone) => phone.e164).filter((e164) => !lead.wrongPhones.includes(e164));
  const [rules, blocked, clock] = await Promise.all([
    sources.rules(tenantId),
    sources.blockedNumbers(tenantId, lead.phones.map((p) => p.e164)),
    leadClock(sources, tenantId, phones, lead.timeZone),
  ]);
  return { attempts: rules.attempts, dispositions: rules.dispositions, claimMinutes: rules.claimMinutes, blocked, ...clock };
}

export type LeadClock = Pick<LeadDialing, 'zones' | 'region' | 'window' | 'dayOf'>;

/**
 * A lead's calling hours and local day, from the zone an agent set or else where its numbers ring
 * (the tenant's zone when they do not tell), and the tenant's hours for its region.
 */
export async function leadClock(sources: DialingSources, tenantId: string, phones: readonly string[], timeZone: string | null): Promise<LeadClock> {
  const [rules, places] = await Promise.all([sources.rules(tenantId), sources.places(phones)]);
  const known = phones.map((phone) => places.get(phone)).filter((place): place is PhonePlace => place !== undefined);
  const phoneZones = [...new Set(known.flatMap((place) => place.timeZones))];
  const zones = timeZone ? [timeZone] : phoneZones.length > 0 ? phoneZones : [rules.timeZone];
  const place = known[0] ?? null;
  const hours = hoursFor(rules, place);
  return {
    zones,
    region: place?.region ?? place?.country ?? null,
    window: (at) => windowIn(hours, zones, at),
    dayOf: (at) => localDay(zones[0]!, at),
  };
}

/** The most specific override that matches the lead's place (`US-FL` over `US`), else the tenant's hours. */
function hoursFor(rules: DialingRules, place: PhonePlace | null): CallingHours {
  const match = (region: string | null) => (region ? rules.overrides.find((override) => override.region === region) : undefined);
  return (match(place?.region ?? null) ?? match(place?.country ?? null))?.hours ?? rules.hours;
}

// ---- Wall clocks --------------------------------------------------------------------------------

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string, at: Date): { date: string; weekday: number; time: string } {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: WEEKDAY[parts.weekday!]!, time: `${parts.hour}:${parts.minute}` };
}
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const isOpen = (hours: CallingHours, clock: { weekday: number; time: string }) =>
  (hours.days as readonly number[]).includes(clock.weekday) && clock.time >= hours.from && clock.time < hours.to;

const STEP_MS = 60_000;

/** Open only when open in every zone; when closed, the first minute (within 8 days) open in all. */
function windowIn(hours: CallingHours, zones: readonly string[], at: Date): WindowState {
  const closedIn = zones.find((zone) => !isOpen(hours, wallClock(zone, at)));
  const zone = closedIn ?? zones[0]!;
  const { time } = wallClock(zone, at);
  if (!closedIn) return { open: true, localTime: time, zone };
  const openAt = (t: number) => zones.every((candidate) => isOpen(hours, wallClock(candidate, new Date(t))));
  const start = Math.ceil(at.getTime() / STEP_MS) * STEP_MS;
  // Half-hour strides, then back minute by minute to the opening itself.
  for (let t = start; t < at.getTime() + 8 * 86_400_000; t += 30 * STEP_MS) {
    if (!openAt(t)) continue;
    while (t - STEP_MS >= start && openAt(t - STEP_MS)) t -= STEP_MS;
    return { open: false, localTime: time, zone, opensAt: new Date(t), opensLocal: wallClock(zone, new Date(t)).time };
  }
  return { open: false, localTime: time, zone, opensAt: null, opensLocal: null };
}

function localDay(zone: string, at: Date): LocalDay {
  const { date } = wallClock(zone, at);
  let t = at.getTime();
  // The next local midnight: step by hours, then minutes (offsets are whole or half hours, or 45 min).
  while (wallClock(zone, new Date(t)).date === date) t += 3_600_000;
  while (wallClock(zone, new Date(t - STEP_MS)).date !== date) t -= STEP_MS;
  return { day: date, nextStartsAt: new Date(t) };
}
