// The dialing-rules aggregate's stream, events and state: one stream per tenant holding its
// current DialingRules, and one event per section a manager changes, carrying the section's whole
// new value and the one it replaced (so the audit log and the export say what changed without
// replaying anything). Pure.
import { z } from 'zod';
import { DEFAULT_DIALING_RULES, dialingRulesSchema, type DialingRules } from './rules';

export const DIALING_RULES_STREAM_TYPE = 'dialing-rules';
/** One stream per tenant; streams are keyed by tenant and id, so every tenant's has this id. */
export const DIALING_RULES_STREAM_ID = 'dialing-rules';

export type DialingSection = keyof DialingRules;

/** The event each section's change is recorded as. */
export const SECTION_EVENTS = {
  timeZone: 'DialingTimeZoneSet',
  hours: 'CallingHoursSet',
  overrides: 'HoursOverridesSet',
  attempts: 'AttemptLimitsSet',
  dispositions: 'DispositionsSet',
  claimMinutes: 'ClaimTimeSet',
  sourcePriorities: 'SourcePrioritiesSet',
  assignment: 'AssignmentRulesSet',
} as const satisfies Record<DialingSection, string>;

export const DIALING_SECTIONS = Object.keys(SECTION_EVENTS) as DialingSection[];

const value = dialingRulesSchema.shape;

export const DIALING_RULES_EVENT_SCHEMAS = {
  DialingTimeZoneSet: z.strictObject({ timeZone: value.timeZone, previous: value.timeZone }),
  CallingHoursSet: z.strictObject({ hours: value.hours, previous: value.hours }),
  HoursOverridesSet: z.strictObject({ overrides: value.overrides, previous: value.overrides }),
  AttemptLimitsSet: z.strictObject({ attempts: value.attempts, previous: value.attempts }),
  DispositionsSet: z.strictObject({ dispositions: value.dispositions, previous: value.dispositions }),
  ClaimTimeSet: z.strictObject({ claimMinutes: value.claimMinutes, previous: value.claimMinutes }),
  SourcePrioritiesSet: z.strictObject({ sourcePriorities: value.sourcePriorities, previous: value.sourcePriorities }),
  AssignmentRulesSet: z.strictObject({ assignment: value.assignment, previous: value.assignment }),
} as const;

type Schemas = typeof DIALING_RULES_EVENT_SCHEMAS;
export type DialingRulesEventType = keyof Schemas;
export type DialingRulesEvent = { [Type in DialingRulesEventType]: { type: Type; data: z.output<Schemas[Type]> } }[DialingRulesEventType];

/** A section's change as one shape: which section, its new value and the one it replaced. */
export type SectionChange = { [Section in DialingSection]: { section: Section; value: DialingRules[Section]; previous: DialingRules[Section] } }[DialingSection];

const SECTION_OF = Object.fromEntries(Object.entries(SECTION_EVENTS).map(([section, type]) => [type, section])) as Record<DialingRulesEventType, DialingSection>;

/** The section an event of this stream changed, or null for another event type. */
export const sectionOfEvent = (type: string): DialingSection | null => (Object.hasOwn(SECTION_OF, type) ? SECTION_OF[type as DialingRulesEventType] : null);

/** An event of this stream as the section it changed. */
export function sectionChange(event: { type: string; data: unknown }): SectionChange | null {
  const section = sectionOfEvent(event.type);
  if (!section) return null;
  const data = event.data as Record<string, unknown>;
  return { section, value: data[section], previous: data.previous } as SectionChange;
}

/** Bump when DialingRules changes shape: snapshots of the old shape are then ignored. */
export const DIALING_RULES_SNAPSHOT_SHAPE = 1;

export const initialDialingRules = (): DialingRules => DEFAULT_DIALING_RULES;

export function evolveDialingRules(state: DialingRules, event: DialingRulesEvent): DialingRules {
  const change = sectionChange(event);
  return change ? { ...state, [change.section]: change.value } : state;
}
