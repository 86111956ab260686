// The dialing rules as the system registers them (lib/system/aggregates.ts).
import { defineAggregate } from '@/lib/commands/aggregate';
import { defineEvents } from '@/lib/event-store/registry';
import type { DialingRules } from './rules';
import { decideDialingRules, dialingRulesConflict, type DialingRulesCommand } from './rules-decide';
import { DIALING_RULES_EVENT_SCHEMAS, DIALING_RULES_SNAPSHOT_SHAPE, DIALING_RULES_STREAM_TYPE, evolveDialingRules, initialDialingRules, type DialingRulesEvent } from './rules-events';

export const dialingRulesAggregate = defineAggregate<DialingRulesCommand, DialingRulesEvent, DialingRules>({
  streamType: DIALING_RULES_STREAM_TYPE,
  events: defineEvents(DIALING_RULES_EVENT_SCHEMAS),
  decider: { decide: decideDialingRules, evolve: evolveDialingRules, initialState: initialDialingRules },
  conflictsWith: dialingRulesConflict,
  snapshots: { shape: DIALING_RULES_SNAPSHOT_SHAPE },
});
