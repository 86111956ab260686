import 'server-only';
// A manager changes one section of their tenant's dialing rules: the input is checked against the
// section's schema, the facts the decider needs are read (the codes leads' histories hold, for
// dispositions being removed; who may take leads, for assignment rules), and the dialing-rules
// aggregate decides on the rules as they are, merging onto changes of other sections made since the
// version the manager saw and refusing a change of the same section (docs/dialing.md).
import { randomUUID } from 'node:crypto';
import type { DialingRules } from '@/lib/dialing/rules';
import { dialingRulesAggregate } from '@/lib/dialing/rules-aggregate';
import type { DialingRulesCommand } from '@/lib/dialing/rules-decide';
import { DIALING_RULES_STREAM_ID, type DialingSection } from '@/lib/dialing/rules-events';
import { parseSectionInput } from '@/lib/dialing/rules-input';
import type { CurrentUser } from '@/lib/gate/principal';
import { dispositionCodesInUse } from '@/lib/read/event-log/disposition-use';
import { assignableUsers } from '@/lib/read/organisation/users';
import type { System } from '@/lib/system';
import { loadAggregate } from './aggregate';
import { handleCommand } from './handle-command';

export type DialingRulesChangeOutcome = {
  readonly section: DialingSection;
  /** The rules stream's version after the change: the version to send with the next one. */
  readonly version: number;
  /** The manager's version was behind: the change went onto other sections' changes they had not seen. */
  readonly merged: boolean;
};

export async function changeDialingRules(
  system: System,
  manager: Pick<CurrentUser, 'id' | 'tenantId'>,
  section: DialingSection,
  input: unknown,
  { now = new Date() }: { now?: Date } = {},
): Promise<DialingRulesChangeOutcome> {
  const { expectedVersion, value } = parseSectionInput(section, input);
  const command = await commandFor(system, manager.tenantId, section, value);
  const result = await handleCommand(system.store, dialingRulesAggregate, {
    tenantId: manager.tenantId,
    streamId: DIALING_RULES_STREAM_ID,
    command,
    expectedVersion,
    commandId: randomUUID(),
    actor: manager.id,
    now,
  });
  return { section, version: result.version, merged: result.merged };
}

async function commandFor(system: System, tenantId: string, section: DialingSection, value: DialingRules[DialingSection]): Promise<DialingRulesCommand> {
  switch (section) {
    case 'timeZone':
      return { type: 'SetDialingTimeZone', data: { timeZone: value as DialingRules['timeZone'] } };
    case 'hours':
      return { type: 'SetCallingHours', data: { hours: value as DialingRules['hours'] } };
    case 'overrides':
      return { type: 'SetHoursOverrides', data: { overrides: value as DialingRules['overrides'] } };
    case 'attempts':
      return { type: 'SetAttemptLimits', data: { attempts: value as DialingRules['attempts'] } };
    case 'claimMinutes':
      return { type: 'SetClaimTime', data: { claimMinutes: value as DialingRules['claimMinutes'] } };
    case 'sourcePriorities':
      return { type: 'SetSourcePriorities', data: { sourcePriorities: value as DialingRules['sourcePriorities'] } };
    case 'dispositions': {
      const dispositions = value as DialingRules['dispositions'];
      const { state } = await loadAggregate(system.store, dialingRulesAggregate, tenantId, DIALING_RULES_STREAM_ID);
      const kept = new Set(dispositions.map((disposition) => disposition.code));
      const removed = state.dispositions.map((disposition) => disposition.code).filter((code) => !kept.has(code));
      return { type: 'SetDispositions', data: { dispositions, codesInUse: await dispositionCodesInUse(system.db, tenantId, removed) } };
    }
    case 'assignment': {
      const assignable = (await assignableUsers(system.db, tenantId)).map((user) => user.id);
      return { type: 'SetAssignmentRules', data: { assignment: value as DialingRules['assignment'], assignable } };
    }
    default: {
      const unknownSection: never = section;
      throw new Error(`Unknown section ${String(unknownSection)}`);
    }
  }
}
