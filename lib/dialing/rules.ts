// A tenant's dialing rules: when a lead may be called (calling hours in the lead's local time, with
// overrides by country or region), how often (attempt limits), what each call's outcome does
// (dispositions), and how leads are drawn and handed out (source priorities, assignment). Pure
// values with their Zod schemas: the dialing-rules aggregate stores them, the settings page edits
// them, and `dialability` and the next-lead service read them. See docs/dialing.md.
import { z } from 'zod';
import { LEAD_STATUSES } from '@/lib/leads/values';

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'A time is HH:MM, from 00:00 to 23:59' });

export const callingHoursSchema = z
  .strictObject({
    days: z.array(z.union(WEEKDAYS.map((day) => z.literal(day)))).min(1, { error: 'Choose at least one day' }).max(7),
    from: clock,
    to: clock,
  })
  .refine((hours) => hours.from < hours.to, { error: 'Calls must start before they end', path: ['to'] });
/** Local wall-clock hours, `from` inclusive, `to` exclusive, on the given weekdays. */
export type CallingHours = z.output<typeof callingHoursSchema>;

/** `US` (a country) or `US-FL` (an ISO 3166-2 region: for now the states and provinces of the US and Canada). */
export const REGION_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
export const hoursOverrideSchema = z.strictObject({
  region: z.string().regex(REGION_PATTERN, { error: 'A country (US) or a region (US-FL)' }),
  hours: callingHoursSchema,
});
export type HoursOverride = z.output<typeof hoursOverrideSchema>;

export const attemptLimitsSchema = z.strictObject({
  /** Calls to one lead on one day of the lead's local calendar. */
  perLeadPerDay: z.number().int().min(1).max(50),
  /** Calls to one lead ever; past it the lead is exhausted until a manager recycles it. */
  perLeadTotal: z.number().int().min(1).max(500),
  /** Calls to one phone number in any rolling 24 hours (3 where the law says so: Florida, Oklahoma). */
  perPhonePer24h: z.number().int().min(1).max(50),
});
export type AttemptLimits = z.output<typeof attemptLimitsSchema>;

/** What recording a call with this disposition does, beyond recording it. */
export const dispositionEffectSchema = z.strictObject({
  /** The person was reached (counts as a contact on the manager's Today page). */
  contact: z.boolean(),
  /** Offer the lead again after this delay, up to this many calls with this disposition in a row. */
  retry: z.strictObject({ afterMinutes: z.number().int().min(2).max(60 * 24 * 30), maxAttempts: z.number().int().min(1).max(50) }).nullable(),
  /** Move the lead to this status. */
  status: z.enum(LEAD_STATUSES).nullable(),
  /** Schedule a callback at the time the agent gives: for that agent only, or for anyone. */
  callback: z.enum(['agent', 'anyone']).nullable(),
  /** Put the dialled number, or the whole lead, on the do-not-call list. */
  doNotCall: z.enum(['number', 'lead']).nullable(),
  /** Mark the dialled number as wrong: it is not dialled again. */
  wrongNumber: z.boolean(),
});
export type DispositionEffect = z.output<typeof dispositionEffectSchema>;

export const dispositionSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { error: 'A code is 2-40 lower-case letters, digits and dashes' }),
  label: z.string().trim().min(1).max(60),
  effect: dispositionEffectSchema,
});
export type Disposition = z.output<typeof dispositionSchema>;

export const assignmentRuleSchema = z.strictObject({
  /** The lead source it applies to; `*` for every source without a rule of its own. */
  source: z.string().trim().min(1).max(100),
  mode: z.enum(['round-robin', 'weighted']),
  /** The agents it hands leads to, with their weights (round-robin ignores them). */
  agents: z.array(z.strictObject({ userId: z.string().min(1).max(200), weight: z.number().int().min(1).max(100) })).min(1).max(500),
});
export type AssignmentRule = z.output<typeof assignmentRuleSchema>;

export const dialingRulesSchema = z.strictObject({
  /** The tenant's own zone: leads whose phones tell no zone are called in it. */
  timeZone: z.string().min(1).max(64),
  hours: callingHoursSchema,
  overrides: z.array(hoursOverrideSchema).max(200),
  attempts: attemptLimitsSchema,
  dispositions: z.array(dispositionSchema).min(1).max(50),
  /** How long "next lead" holds a lead for the agent who drew it. */
  claimMinutes: z.number().int().min(1).max(60),
  /** Fresh leads are drawn highest priority first, then oldest first; sources not listed have 0. */
  sourcePriorities: z.record(z.string().max(100), z.number().int().min(-100).max(100)),
  assignment: z.array(assignmentRuleSchema).max(200),
});
export type DialingRules = z.output<typeof dialingRulesSchema>;

const effect = (parts: Partial<DispositionEffect>): DispositionEffect => ({
  contact: false, retry: null, status: null, callback: null, doNotCall: null, wrongNumber: false, ...parts,
});

/** What a new call center starts with (docs/dialing.md); managers change every part of it. */
export const DEFAULT_DIALING_RULES: DialingRules = {
  timeZone: 'Europe/London',
  hours: { days: [1, 2, 3, 4, 5, 6], from: '08:00', to: '21:00' },
  overrides: [
    { region: 'US-FL', hours: { days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' } },
    { region: 'US-OK', hours: { days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' } },
    { region: 'US-WA', hours: { days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' } },
  ],
  attempts: { perLeadPerDay: 3, perLeadTotal: 20, perPhonePer24h: 3 },
  dispositions: [
    { code: 'no-answer', label: 'No answer', effect: effect({ retry: { afterMinutes: 120, maxAttempts: 6 } }) },
    { code: 'busy', label: 'Busy', effect: effect({ retry: { afterMinutes: 30, maxAttempts: 6 } }) },
    { code: 'voicemail', label: 'Voicemail', effect: effect({ retry: { afterMinutes: 240, maxAttempts: 4 } }) },
    { code: 'wrong-number', label: 'Wrong number', effect: effect({ wrongNumber: true }) },
    { code: 'not-interested', label: 'Not interested', effect: effect({ contact: true, status: 'Closed' }) },
    { code: 'call-back', label: 'Call back', effect: effect({ contact: true, callback: 'agent' }) },
    { code: 'converted', label: 'Converted', effect: effect({ contact: true, status: 'Converted' }) },
    { code: 'do-not-call', label: 'Do not call', effect: effect({ contact: true, doNotCall: 'lead' }) },
  ],
  claimMinutes: 5,
  sourcePriorities: {},
  assignment: [],
};
