// Where the dialing rules come from, for the commands, the next-lead service and the lead page:
// the tenant's rules (the dialing-rules stream, cached per process), the do-not-call list (its
// inline read model, so a block counts from the moment it commits), and where each number rings
// (libphonenumber's geography, cached by prefix).
import type { DialingSources, PhonePlace } from '@/lib/dialing/context';
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

const blockedIn = (db: Db): DialingSources['blockedNumbers'] => async (tenantId, phones) => {
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
