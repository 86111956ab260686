// The Lead's events: one fact each, past tense, with the Zod schema of each one's data. The schemas
// are what the store checks before it writes and after it reads (lib/event-store/registry.ts), and
// the TypeScript types below are inferred from them, so the two cannot drift apart.
import { z } from 'zod';
import { defineEvents } from '@/lib/event-store/registry';
import { CALL_OUTCOMES, CLAIM_TIERS, LEAD_STATUSES } from './values';

const phone = z.strictObject({ e164: z.string(), raw: z.string() });
const instant = z.iso.datetime({ offset: true });
const userId = z.string().nullable();
/** The fields a merge decides, as one lead held them: what the survivor had before and after. */
const mergedFields = z.strictObject({
  name: z.string(), phones: z.array(phone), emails: z.array(z.string()), ownerId: userId,
  status: z.enum(LEAD_STATUSES), followUpAt: instant.nullable(), followUpAgentId: userId,
});

export const LEAD_EVENT_SCHEMAS = {
  LeadRegistered: z.strictObject({
    leadId: z.string(), name: z.string(), phones: z.array(phone), emails: z.array(z.string()), source: z.string(), ownerId: userId,
  }),
  NameChanged: z.strictObject({ name: z.string(), previousName: z.string() }),
  PhoneAdded: z.strictObject({ phone }),
  PhoneRemoved: z.strictObject({ phone }),
  EmailAdded: z.strictObject({ email: z.string() }),
  EmailRemoved: z.strictObject({ email: z.string() }),
  /**
   * `mergeId`: set when a merge, or the undoing of one, moved the status (it takes the status of the
   * lead it absorbed, or gives it back). Nobody changed the status then: analytics count no change,
   * no conversion and no callback handled for it.
   */
  StatusChanged: z.strictObject({ from: z.enum(LEAD_STATUSES), to: z.enum(LEAD_STATUSES), mergeId: z.string().optional() }),
  /** `agentId`: the callback is that agent's to make; null, anyone's. */
  FollowUpScheduled: z.strictObject({ at: instant, previousAt: instant.nullable(), agentId: userId }),
  FollowUpCleared: z.strictObject({ previousAt: instant, reason: z.enum(['cleared', 'status-changed']) }),
  /** `rule`: the assignment rule that chose the owner (`round-robin:web`), or null when a person did. */
  LeadAssigned: z.strictObject({ ownerId: userId, previousOwnerId: userId, rule: z.string().nullable() }),
  NoteAdded: z.strictObject({ noteId: z.string(), text: z.string() }),
  /**
   * A call and its disposition (`outcome`: a code of the tenant's dispositions). `phone` is the number
   * dialled, `at` when, `contact` whether the person was reached; calls recorded before version 2
   * know neither number nor time.
   */
  CallOutcomeRecorded: z.strictObject({
    outcome: z.string(), phone: z.string().nullable(), at: instant.nullable(), contact: z.boolean(), notes: z.string().nullable(), agentId: userId,
  }),
  /** The disposition recycles the lead: offered again from `at`; `attempt` of `of` such calls in a row. */
  RetryScheduled: z.strictObject({ at: instant, outcome: z.string(), attempt: z.number().int(), of: z.number().int() }),
  /** The lead is not offered again until a manager recycles it: its calls in all, or a disposition's retries, ran out. */
  AttemptsExhausted: z.strictObject({ reason: z.enum(['total', 'disposition']), outcome: z.string().nullable(), calls: z.number().int() }),
  LeadRecycled: z.strictObject({ reason: z.string() }),
  PhoneMarkedWrong: z.strictObject({ phone: z.string() }),
  /** The person asked not to be called, or withdrew consent: no number of the lead is dialled. */
  DoNotCallRequested: z.strictObject({ reason: z.string() }),
  DoNotCallLifted: z.strictObject({ reason: z.string() }),
  /** An agent set the lead's time zone (null: back to what its phones say). */
  TimeZoneSet: z.strictObject({ timeZone: z.string().nullable(), previous: z.string().nullable() }),
  /** "Next lead" gave the lead to an agent until `until`; `tier` says why it came first. */
  LeadClaimed: z.strictObject({ agentId: z.string(), until: instant, tier: z.enum(CLAIM_TIERS) }),
  /** The agent gave the lead back without calling it ("skip"), with why. */
  ClaimReleased: z.strictObject({ agentId: z.string(), reason: z.string() }),
  /**
   * The survivor of a merge took in another lead (`leadId`, named `name`); `before` and `after` are
   * its own merged fields on either side of the merge, which the field events after this one carry out.
   */
  LeadAbsorbed: z.strictObject({ mergeId: z.string(), leadId: z.string(), name: z.string(), before: mergedFields, after: mergedFields }),
  /** The lead was merged into `survivorId`: it takes no more commands, and its history lives on there. */
  LeadMergedInto: z.strictObject({ mergeId: z.string(), survivorId: z.string(), survivorName: z.string() }),
  /** The survivor gave back the lead a merge took in; the field events after this one restore what the merge changed. */
  MergeUndone: z.strictObject({ mergeId: z.string(), leadId: z.string(), name: z.string() }),
  /** The merge of this lead was undone: it is a lead of its own again, in the status it had (`status`). */
  LeadUnmerged: z.strictObject({ mergeId: z.string(), survivorId: z.string(), status: z.enum(LEAD_STATUSES) }),
  /**
   * A manager erased the person's data (docs/erasure.md): the lead's key is gone, so every personal
   * value of its stream reads `[erased]`. The counts say how many phones, emails and wrong numbers it
   * held, so the lead keeps its shape in every read model, replayed or live.
   */
  PersonalDataErased: z.strictObject({ reason: z.string(), phones: z.number().int(), emails: z.number().int(), wrongPhones: z.number().int() }),
} as const;

type Schemas = typeof LEAD_EVENT_SCHEMAS;
export type LeadEventType = keyof Schemas;
export type LeadEventOf<Type extends LeadEventType> = { type: Type; data: z.output<Schemas[Type]> };
export type LeadEvent = { [Type in LeadEventType]: LeadEventOf<Type> }[LeadEventType];

export type LeadRegistered = LeadEventOf<'LeadRegistered'>;
export type MergedFields = z.output<typeof mergedFields>;

/**
 * Narrows an event of a lead's stream, already checked by the store (or a conflict's change, which
 * came from it), to the Lead's event union by its type; an unknown type is not narrowed.
 */
export const isLeadEventOfType = <Event extends { type: string; data: unknown }>(event: Event): event is Event & LeadEvent =>
  Object.hasOwn(LEAD_EVENT_SCHEMAS, event.type);

/** LeadRegistered v1 held at most one phone and one email; v2 holds lists of each. */
type LeadRegisteredV1 = { leadId: string; name: string; phone: z.output<typeof phone> | null; email: string | null; source: string; ownerId?: string | null };

const phonePaths = (at: string) => [`${at}.e164`, `${at}.raw`];
const mergedPaths = (at: string) => [`${at}.name`, ...phonePaths(`${at}.phones[]`), `${at}.emails[]`];

/**
 * Where each event holds the person's data (name, phones, emails, notes and call notes, the names a
 * merge records): sealed with the lead's key in the log, `[erased]` once it is erased (docs/erasure.md).
 */
export const LEAD_PERSONAL_FIELDS: Partial<Record<LeadEventType, readonly string[]>> = {
  LeadRegistered: ['name', ...phonePaths('phones[]'), 'emails[]'],
  NameChanged: ['name', 'previousName'],
  PhoneAdded: phonePaths('phone'),
  PhoneRemoved: phonePaths('phone'),
  EmailAdded: ['email'],
  EmailRemoved: ['email'],
  NoteAdded: ['text'],
  CallOutcomeRecorded: ['phone', 'notes'],
  PhoneMarkedWrong: ['phone'],
  LeadAbsorbed: ['name', ...mergedPaths('before'), ...mergedPaths('after')],
  LeadMergedInto: ['survivorName'],
  MergeUndone: ['name'],
};

/** What the store registers for the Lead: each event's schema, the steps from older shapes, and where its personal data is. */
export const LEAD_EVENTS = defineEvents(LEAD_EVENT_SCHEMAS, {
  FollowUpScheduled: { version: 2, upcast: { 1: (data: object) => ({ ...data, agentId: null }) } },
  LeadAssigned: { version: 2, upcast: { 1: (data: object) => ({ ...data, rule: null }) } },
  CallOutcomeRecorded: {
    version: 2,
    upcast: {
      // Version 1 had a fixed list of outcomes and said nothing of the number, the time or a contact.
      1: ({ outcome, notes }: { outcome: (typeof CALL_OUTCOMES)[number]; notes: string | null }) => ({
        outcome, notes, phone: null, at: null, agentId: null, contact: ['not-interested', 'interested', 'callback-requested', 'sale'].includes(outcome),
      }),
    },
  },
  LeadRegistered: {
    version: 2,
    upcast: {
      1: ({ phone: one, email, ownerId, ...rest }: LeadRegisteredV1) => ({
        ...rest,
        phones: one ? [one] : [],
        emails: email ? [email] : [],
        ownerId: ownerId ?? null,
      }),
    },
  },
}, LEAD_PERSONAL_FIELDS);
