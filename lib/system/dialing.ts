// Where the dialing rules come from, for the commands, the next-lead service and the lead page:
// the tenant's rules (the dialing-rules stream, cached per process), the do-not-call list (its
// inline read model, so a block counts from the moment it commits), and where each number rings
// (libphonenumber's geography, cached by prefix).
import type { DialingSources, PhonePlace } from '@/lib/dialing/context';
import type { BlockedNumber } from '@/lib/dialing/dialability';
import { phoneGeography } from '@/lib/dialing/phone-geography';
import type { Db } from '@/lib/db/client';
import type { DialingRules } from '@/lib/dialing/rules';
import type { EventStore } from '@/lib/event-store';
import { currentDialingRules } from '@/lib/read/dialing-rules/current-rules';
import { blockedNumbers } from '@/lib/read/do-not-call/queries';

export function dialingSources(store: EventStore): DialingSources {
  return {
    rules: async (tenantId) => (await currentDialingRules(store, tenantId)).rules,
    blockedNumbers: blockedIn(store.db),
    places,
  };
}

/**
 * The sources inside a transaction that holds a connection of the pool (a claim): every read on
 * that connection, never waiting for a second one while holding the first, and the rules as read
 * just before it.
 */
export function dialingSourcesWithin(db: Db, rules: DialingRules): DialingSources {
  return { rules: async () => rules, blockedNumbers: blockedIn(db), places };
}

/**
 * The sources as they stand at one moment, for a bulk write of one tenant (the demo data): its rules
 * and its whole do-not-call list read once, not once per command.
 */
export async function dialingSnapshot(sources: DialingSources, db: Db, tenantId: string): Promise<DialingSources> {
  const [rules, list] = await Promise.all([sources.rules(tenantId), blockedIn(db)(tenantId)]);
  return {
    rules: async () => rules,
    blockedNumbers: async (_tenant, phones) => new Map(phones.filter((phone) => list.has(phone)).map((phone) => [phone, list.get(phone)!])),
    places: sources.places,
  };
}

const blockedIn = (db: Db) => async (tenantId: string, phones?: readonly string[]): Promise<ReadonlyMap<string, BlockedNumber>> => {
  const blocked = await blockedNumbers(db, tenantId, phones);
  return new Map([...blocked].map(([phone, entry]) => [phone, { reason: entry.reason, since: entry.blockedAt, by: entry.blockedBy }]));
};

async function places(phones: readonly string[]): Promise<ReadonlyMap<string, PhonePlace>> {
  const found = await Promise.all(phones.map(async (phone) => {
    const geography = await phoneGeography(phone);
    const place: PhonePlace = { country: geography.country, region: geography.regions.length === 1 ? geography.regions[0]! : null, timeZones: geography.zones };
    return [phone, place] as const;
  }));
  return new Map(found);
}
