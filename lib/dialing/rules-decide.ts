// What a manager may change in the dialing rules, and what is refused (docs/dialing.md, "The
// dialing rules"). One command per section; each checks what the section's schema cannot (no two
// overrides for one region, no two dispositions with one code, a time zone that exists, a code in
// use that would vanish from the history's meaning), refuses a change that changes nothing, and
// records the section's new value with the one it replaced. Pure: the facts read elsewhere (the
// codes leads' histories use, who may take leads) arrive on the command.
import { IANAZone } from 'luxon';
import stringify from 'safe-stable-stringify';
import { IllegalStateError } from '@/lib/errors';
import { isKnownRegion } from './regions';
import type { AssignmentRule, AttemptLimits, CallingHours, DialingRules, Disposition, HoursOverride, Weekday } from './rules';
import { SECTION_EVENTS, type DialingRulesEvent, type DialingSection } from './rules-events';

export type DialingRulesCommand =
  | { readonly type: 'SetDialingTimeZone'; readonly data: { readonly timeZone: string } }
  | { readonly type: 'SetCallingHours'; readonly data: { readonly hours: CallingHours } }
  | { readonly type: 'SetHoursOverrides'; readonly data: { readonly overrides: readonly HoursOverride[] } }
  | { readonly type: 'SetAttemptLimits'; readonly data: { readonly attempts: AttemptLimits } }
  /** `codesInUse`: which of the codes this change removes leads' histories hold. */
  | { readonly type: 'SetDispositions'; readonly data: { readonly dispositions: readonly Disposition[]; readonly codesInUse: readonly string[] } }
  | { readonly type: 'SetClaimTime'; readonly data: { readonly claimMinutes: number } }
  | { readonly type: 'SetSourcePriorities'; readonly data: { readonly sourcePriorities: Readonly<Record<string, number>> } }
  /** `assignable`: the tenant's users who may take leads now (active, and working leads). */
  | { readonly type: 'SetAssignmentRules'; readonly data: { readonly assignment: readonly AssignmentRule[]; readonly assignable: readonly string[] } };

export type DialingRulesCommandType = DialingRulesCommand['type'];

/** The section each command changes. */
export const COMMAND_SECTIONS = {
  SetDialingTimeZone: 'timeZone',
  SetCallingHours: 'hours',
  SetHoursOverrides: 'overrides',
  SetAttemptLimits: 'attempts',
  SetDispositions: 'dispositions',
  SetClaimTime: 'claimMinutes',
  SetSourcePriorities: 'sourcePriorities',
  SetAssignmentRules: 'assignment',
} as const satisfies Record<DialingRulesCommandType, DialingSection>;

/** The same section changed since the version the manager saw collides; other sections merge. */
export const dialingRulesConflict = (command: DialingRulesCommand, event: { type: string }) => event.type === SECTION_EVENTS[COMMAND_SECTIONS[command.type]];

export function decideDialingRules(command: DialingRulesCommand, state: DialingRules): DialingRulesEvent[] {
  switch (command.type) {
    case 'SetDialingTimeZone':
      return [setTimeZone(command.data.timeZone, state)];
    case 'SetCallingHours':
      return [changed(state, 'hours', normaliseHours(command.data.hours))];
    case 'SetHoursOverrides':
      return [setOverrides(command.data.overrides, state)];
    case 'SetAttemptLimits':
      return [setAttempts(command.data.attempts, state)];
    case 'SetDispositions':
      return [setDispositions(command.data, state)];
    case 'SetClaimTime':
      return [changed(state, 'claimMinutes', command.data.claimMinutes)];
    case 'SetSourcePriorities':
      return [changed(state, 'sourcePriorities', { ...command.data.sourcePriorities })];
    case 'SetAssignmentRules':
      return [setAssignment(command.data, state)];
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

function setTimeZone(timeZone: string, state: DialingRules): DialingRulesEvent {
  if (!IANAZone.isValidZone(timeZone)) throw new IllegalStateError('dialing.unknown-zone', { field: 'timeZone', params: { zone: timeZone } });
  return changed(state, 'timeZone', timeZone);
}

function setOverrides(overrides: readonly HoursOverride[], state: DialingRules): DialingRulesEvent {
  const seen = new Set<string>();
  for (const [index, { region }] of overrides.entries()) {
    const field = `overrides.${index}.region`;
    if (!isKnownRegion(region)) throw new IllegalStateError('dialing.unknown-region', { field, params: { region } });
    if (seen.has(region)) throw new IllegalStateError('dialing.duplicate-region', { field, params: { region } });
    seen.add(region);
  }
  // Kept in region order: the order they were typed in means nothing.
  const sorted = [...overrides].sort((a, b) => a.region.localeCompare(b.region)).map((entry) => ({ region: entry.region, hours: normaliseHours(entry.hours) }));
  return changed(state, 'overrides', sorted);
}

function setAttempts(attempts: AttemptLimits, state: DialingRules): DialingRulesEvent {
  if (attempts.perLeadPerDay > attempts.perLeadTotal) {
    throw new IllegalStateError('dialing.daily-above-total', { field: 'attempts.perLeadPerDay', params: { total: attempts.perLeadTotal } });
  }
  return changed(state, 'attempts', { ...attempts });
}

function setDispositions({ dispositions, codesInUse }: Extract<DialingRulesCommand, { type: 'SetDispositions' }>['data'], state: DialingRules): DialingRulesEvent {
  const codes = new Set<string>();
  const labels = new Set<string>();
  for (const [index, disposition] of dispositions.entries()) {
    const at = `dispositions.${index}`;
    if (codes.has(disposition.code)) throw new IllegalStateError('dialing.duplicate-code', { field: `${at}.code`, params: { code: disposition.code } });
    if (labels.has(disposition.label.toLowerCase())) throw new IllegalStateError('dialing.duplicate-label', { field: `${at}.label`, params: { label: disposition.label } });
    codes.add(disposition.code);
    labels.add(disposition.label.toLowerCase());
    checkEffect(disposition, at);
  }
  // A code the history holds must keep meaning something: it may be relabelled, not removed.
  const removedInUse = state.dispositions.find((old) => !codes.has(old.code) && codesInUse.includes(old.code));
  if (removedInUse) throw new IllegalStateError('dialing.code-in-use', { field: 'dispositions', params: { code: removedInUse.code, label: removedInUse.label } });
  return changed(state, 'dispositions', dispositions.map((disposition) => ({ ...disposition })));
}

/** Effects that contradict each other: a lead cannot both come back and never be called again. */
function checkEffect({ effect }: Disposition, at: string) {
  const comesBack = effect.retry !== null || effect.callback !== null;
  if (effect.retry && effect.callback) throw new IllegalStateError('dialing.retry-and-callback', { field: `${at}.effect.callback` });
  if (comesBack && effect.doNotCall === 'lead') throw new IllegalStateError('dialing.do-not-call-comes-back', { field: `${at}.effect.doNotCall` });
  if (comesBack && (effect.status === 'Closed' || effect.status === 'Converted')) {
    throw new IllegalStateError('dialing.closed-comes-back', { field: `${at}.effect.status`, params: { status: effect.status } });
  }
  // A lead in Follow-up needs a follow-up date, which only a callback gives it.
  if (effect.status === 'FollowUp' && effect.callback === null) throw new IllegalStateError('dialing.follow-up-without-callback', { field: `${at}.effect.status` });
}

function setAssignment({ assignment, assignable }: Extract<DialingRulesCommand, { type: 'SetAssignmentRules' }>['data'], state: DialingRules): DialingRulesEvent {
  // Agents already named may stay after they were deactivated (assignment skips them); new ones must be able to take leads.
  const named = new Set(state.assignment.flatMap((rule) => rule.agents.map((agent) => agent.userId)));
  const sources = new Set<string>();
  for (const [index, rule] of assignment.entries()) {
    const at = `assignment.${index}`;
    if (sources.has(rule.source)) throw new IllegalStateError('dialing.duplicate-source', { field: `${at}.source`, params: { source: rule.source } });
    sources.add(rule.source);
    const agents = new Set<string>();
    for (const [position, { userId }] of rule.agents.entries()) {
      const field = `${at}.agents.${position}.userId`;
      if (agents.has(userId)) throw new IllegalStateError('dialing.duplicate-agent', { field });
      if (!named.has(userId) && !assignable.includes(userId)) throw new IllegalStateError('dialing.agent-not-assignable', { field });
      agents.add(userId);
    }
  }
  const sorted = [...assignment].sort((a, b) => a.source.localeCompare(b.source)).map((rule) => ({ ...rule, agents: rule.agents.map((agent) => ({ ...agent })) }));
  return changed(state, 'assignment', sorted);
}

/** Days as a set: in week order, each once. */
const normaliseHours = (hours: CallingHours): CallingHours => ({ days: [...new Set<Weekday>(hours.days)].sort((a, b) => a - b), from: hours.from, to: hours.to });

/** The section's event, or a refusal when the new value is the current one. */
function changed<Section extends DialingSection>(state: DialingRules, section: Section, next: DialingRules[Section]): DialingRulesEvent {
  const previous = state[section];
  if (stringify(next) === stringify(previous)) throw new IllegalStateError('dialing.unchanged', { field: section });
  return { type: SECTION_EVENTS[section], data: { [section]: next, previous } } as DialingRulesEvent;
}
