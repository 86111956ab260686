// A tenant's dialing rules as they are now, cheap enough for every "next lead": the rules stream's
// version is one primary-key read of the streams table, and the rules folded at that version are
// kept per process, so only a change a manager made since costs a load (snapshot + tail).
import type { DialingRules } from '@/lib/dialing/rules';
import {
  DIALING_RULES_SNAPSHOT_SHAPE, DIALING_RULES_STREAM_ID, evolveDialingRules, initialDialingRules, type DialingRulesEvent,
} from '@/lib/dialing/rules-events';
import type { EventStore, Evolver } from '@/lib/event-store';

export type CurrentDialingRules = {
  readonly rules: Readonly<DialingRules>;
  /** The rules stream's version: what a manager's change sends back as the version they saw. */
  readonly version: number;
};

const MAX_CACHED_TENANTS = 1_000;
// Per store (each test's system has its own database client), then per tenant; oldest first.
const caches = new WeakMap<EventStore, Map<string, CurrentDialingRules>>();

const evolver: Evolver<DialingRules> = {
  initialState: initialDialingRules,
  // The store has checked every event it reads against the rules' own schemas.
  evolve: (state, event) => evolveDialingRules(state, event as DialingRulesEvent),
};

export async function currentDialingRules(store: EventStore, tenantId: string): Promise<CurrentDialingRules> {
  const version = (await store.streamVersion(tenantId, DIALING_RULES_STREAM_ID)) ?? 0;
  const cache = caches.get(store) ?? new Map<string, CurrentDialingRules>();
  caches.set(store, cache);
  const cached = cache.get(tenantId);
  if (cached && cached.version === version) return cached;
  const loaded = version === 0
    ? { state: initialDialingRules(), version: 0 }
    : await store.loadState(tenantId, DIALING_RULES_STREAM_ID, evolver, { snapshotShape: DIALING_RULES_SNAPSHOT_SHAPE });
  const current: CurrentDialingRules = { rules: loaded.state, version: loaded.version };
  cache.delete(tenantId);
  cache.set(tenantId, current);
  if (cache.size > MAX_CACHED_TENANTS) cache.delete(cache.keys().next().value!);
  return current;
}
