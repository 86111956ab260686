// The dialing rules in words: a section's value, and what one change of it did, for the settings
// page's history and its conflict dialog. Pure, shared by server and browser.
import type { AssignmentRule, AttemptLimits, CallingHours, DialingRules, Disposition, HoursOverride } from '@/lib/dialing/rules';
import type { DialingSection, SectionChange } from '@/lib/dialing/rules-events';
import { statusLabel } from './labels';

export const SECTION_TITLES: Record<DialingSection, string> = {
  hours: 'Calling hours',
  overrides: 'Hours by region',
  attempts: 'Attempt limits',
  dispositions: 'Dispositions',
  claimMinutes: 'Claim time',
  timeZone: 'Time zone',
  sourcePriorities: 'Source priorities',
  assignment: 'Assignment rules',
};

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "Mon–Fri 09:00–20:00", "Mon, Wed, Fri 10:00–12:00". */
export function hoursText(hours: CallingHours): string {
  const runs: number[][] = [];
  for (const day of [...hours.days].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === day - 1) last.push(day);
    else runs.push([day]);
  }
  const days = runs.map((run) => (run.length > 2 ? `${WEEKDAY_NAMES[run[0]! - 1]}–${WEEKDAY_NAMES[run[run.length - 1]! - 1]}` : run.map((day) => WEEKDAY_NAMES[day - 1]).join(', ')));
  return `${days.join(', ')} ${hours.from}–${hours.to}`;
}

const overrideText = (override: HoursOverride) => `${override.region} ${hoursText(override.hours)}`;
const attemptsText = (attempts: AttemptLimits) => `${attempts.perLeadPerDay} a day, ${attempts.perLeadTotal} in all, ${attempts.perPhonePer24h} per number in 24 hours`;
const sourceName = (source: string) => (source === '*' ? 'every other source' : source);

function ruleText(rule: AssignmentRule, nameOf: (id: string) => string): string {
  const agents = rule.agents.map((agent) => (rule.mode === 'weighted' ? `${nameOf(agent.userId)} ×${agent.weight}` : nameOf(agent.userId)));
  return `${sourceName(rule.source)}: ${rule.mode === 'weighted' ? 'weighted' : 'round-robin'} over ${agents.join(', ')}`;
}

/** One section with its value. */
export type SectionValue = { [Section in DialingSection]: { section: Section; value: DialingRules[Section] } }[DialingSection];

/** A section's value in one line. */
export function sectionText(change: SectionValue, nameOf: (id: string) => string = (id) => id): string {
  switch (change.section) {
    case 'timeZone':
      return change.value;
    case 'hours':
      return hoursText(change.value);
    case 'overrides':
      return change.value.length ? change.value.map(overrideText).join('; ') : 'none';
    case 'attempts':
      return attemptsText(change.value);
    case 'dispositions':
      return change.value.map((disposition) => disposition.label).join(', ');
    case 'claimMinutes':
      return `${change.value} minutes`;
    case 'sourcePriorities': {
      const entries = Object.entries(change.value);
      return entries.length ? entries.map(([source, priority]) => `${source} ${priority}`).join(', ') : 'none';
    }
    case 'assignment':
      return change.value.length ? change.value.map((rule) => ruleText(rule, nameOf)).join('; ') : 'none';
  }
}

/** What one change did: "Mon–Sat 08:00–21:00 → Mon–Fri 09:00–20:00", or for lists, what was added, removed and changed. */
export function changeText(change: SectionChange, nameOf: (id: string) => string = (id) => id): string {
  if (change.section === 'dispositions') return listChanges(change.previous, change.value, (d) => d.code, (d) => d.label, dispositionChange);
  if (change.section === 'overrides') return listChanges(change.previous, change.value, (o) => o.region, overrideText, (before, after) => `${after.region} ${hoursText(before.hours)} → ${hoursText(after.hours)}`);
  if (change.section === 'assignment') {
    return listChanges(change.previous, change.value, (rule) => rule.source, (rule) => ruleText(rule, nameOf), (_, after) => ruleText(after, nameOf));
  }
  const previous = sectionText({ section: change.section, value: change.previous } as SectionValue, nameOf);
  return `${previous} → ${sectionText(change, nameOf)}`;
}

function dispositionChange(before: Disposition, after: Disposition): string {
  const parts = [];
  if (before.label !== after.label) parts.push(`${before.label} renamed ${after.label}`);
  if (JSON.stringify(before.effect) !== JSON.stringify(after.effect)) parts.push(`${after.label} now ${effectText(after)}`);
  return parts.join('; ');
}

/** What a disposition does, in a few words. */
export function effectText({ effect }: Disposition): string {
  const parts = [];
  if (effect.retry) parts.push(`retries after ${effect.retry.afterMinutes} min, at most ${effect.retry.maxAttempts} times`);
  if (effect.callback) parts.push(effect.callback === 'agent' ? 'a callback for the agent' : 'a callback for anyone');
  if (effect.status) parts.push(`moves the lead to ${statusLabel(effect.status)}`);
  if (effect.doNotCall) parts.push(effect.doNotCall === 'lead' ? 'puts the lead on the do-not-call list' : 'puts the number on the do-not-call list');
  if (effect.wrongNumber) parts.push('marks the number wrong');
  if (effect.contact) parts.push('counts as a contact');
  return parts.length ? parts.join(', ') : 'records the call only';
}

function listChanges<Item>(
  before: readonly Item[],
  after: readonly Item[],
  keyOf: (item: Item) => string,
  describe: (item: Item) => string,
  changed: (before: Item, after: Item) => string,
): string {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const next = new Map(after.map((item) => [keyOf(item), item]));
  const parts = [
    ...after.filter((item) => !old.has(keyOf(item))).map((item) => `added ${describe(item)}`),
    ...before.filter((item) => !next.has(keyOf(item))).map((item) => `removed ${describe(item)}`),
    ...after.filter((item) => old.has(keyOf(item)) && JSON.stringify(old.get(keyOf(item))) !== JSON.stringify(item)).map((item) => changed(old.get(keyOf(item))!, item)),
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'reordered';
}
