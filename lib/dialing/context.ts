// The dialing rules as they apply to one lead: its calling hours in its zones, its local day, the
// numbers of it that are on the do-not-call list, and the tenant's dispositions and claim time. The
// sources (the tenant's rules, the list, where a number rings) are given by the composition root.
import type { RegisteredLead } from '@/lib/leads/lead';
import type { DialingContext } from '@/lib/leads/dialing';
import type { BlockedNumber } from './dialability';
import { hoursFor, localDay, windowEverywhere } from './calling-hours';
import type { DialingRules } from './rules';

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
  const [rules, blocked] = await Promise.all([sources.rules(tenantId), sources.blockedNumbers(tenantId, lead.phones.map((p) => p.e164))]);
  const clock = await leadClock(sources, rules, phones, lead.timeZone);
  return { attempts: rules.attempts, dispositions: rules.dispositions, claimMinutes: rules.claimMinutes, blocked, ...clock };
}

export type LeadClock = Pick<LeadDialing, 'zones' | 'region' | 'window' | 'dayOf'>;

/**
 * A lead's calling hours and local day. Its places: the zone an agent set, or else every zone its
 * numbers may ring in, each with the hours of that number's region (an override of `US-FL`, then of
 * `US`, else the tenant's hours), or else the tenant's zone. It may be called only while every place
 * is open (lib/dialing/calling-hours.ts), and its day is the first place's.
 */
export async function leadClock(sources: DialingSources, rules: DialingRules, phones: readonly string[], timeZone: string | null): Promise<LeadClock> {
  const places = await sources.places(phones);
  const known = phones.map((phone) => places.get(phone)).filter((place): place is PhonePlace => place !== undefined);
  const regionOf = (place: PhonePlace | undefined) => place?.region ?? place?.country ?? null;
  const first = known.find((place) => place.timeZones.length > 0) ?? known[0];
  const fromPhones = known.flatMap((place) => place.timeZones.map((zone) => ({ zone, hours: hoursFor(rules, regionOf(place)) })));
  const all = timeZone ? [{ zone: timeZone, hours: hoursFor(rules, regionOf(first)) }]
    : fromPhones.length > 0 ? fromPhones
    : [{ zone: rules.timeZone, hours: hoursFor(rules, regionOf(first)) }];
  const unique = [...new Map(all.map((place) => [`${place.zone} ${JSON.stringify(place.hours)}`, place])).values()];
  // The tenant's own zone first when the lead may be in it: the one its wall clock is shown in.
  unique.sort((a, b) => Number(b.zone === rules.timeZone) - Number(a.zone === rules.timeZone));
  const zones = [...new Set(unique.map((place) => place.zone))];
  return {
    zones,
    region: regionOf(first),
    window: (at) => windowEverywhere(unique, at),
    dayOf: (at) => localDay(at, zones[0]!),
  };
}
