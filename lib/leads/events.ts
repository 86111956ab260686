// The Lead's events: one fact each, past tense, with the Zod schema of each one's data. The schemas
// are what the store checks before it writes and after it reads (lib/event-store/registry.ts), and
// the TypeScript types below are inferred from them, so the two cannot drift apart.
import { z } from 'zod';
import { defineEvents } from '@/lib/event-store/registry';
import { CALL_OUTCOMES, LEAD_STATUSES } from './values';

const phone = z.strictObject({ e164: z.string(), raw: z.string() });
const instant = z.iso.datetime({ offset: true });
const userId = z.string().nullable();

export const LEAD_EVENT_SCHEMAS = {
  LeadRegistered: z.strictObject({
    leadId: z.string(), name: z.string(), phones: z.array(phone), emails: z.array(z.string()), source: z.string(), ownerId: userId,
  }),
  NameChanged: z.strictObject({ name: z.string(), previousName: z.string() }),
  PhoneAdded: z.strictObject({ phone }),
  PhoneRemoved: z.strictObject({ phone }),
  EmailAdded: z.strictObject({ email: z.string() }),
  EmailRemoved: z.strictObject({ email: z.string() }),
  StatusChanged: z.strictObject({ from: z.enum(LEAD_STATUSES), to: z.enum(LEAD_STATUSES) }),
  FollowUpScheduled: z.strictObject({ at: instant, previousAt: instant.nullable() }),
  FollowUpCleared: z.strictObject({ previousAt: instant, reason: z.enum(['cleared', 'status-changed']) }),
  LeadAssigned: z.strictObject({ ownerId: userId, previousOwnerId: userId }),
  NoteAdded: z.strictObject({ noteId: z.string(), text: z.string() }),
  CallOutcomeRecorded: z.strictObject({ outcome: z.enum(CALL_OUTCOMES), notes: z.string().nullable() }),
} as const;

type Schemas = typeof LEAD_EVENT_SCHEMAS;
export type LeadEventType = keyof Schemas;
export type LeadEventOf<Type extends LeadEventType> = { type: Type; data: z.output<Schemas[Type]> };
export type LeadEvent = { [Type in LeadEventType]: LeadEventOf<Type> }[LeadEventType];

export type LeadRegistered = LeadEventOf<'LeadRegistered'>;

/**
 * Narrows an event of a lead's stream, already checked by the store (or a conflict's change, which
 * came from it), to the Lead's event union by its type; an unknown type is not narrowed.
 */
export const isLeadEventOfType = <Event extends { type: string; data: unknown }>(event: Event): event is Event & LeadEvent =>
  Object.hasOwn(LEAD_EVENT_SCHEMAS, event.type);

/** LeadRegistered v1 held at most one phone and one email; v2 holds lists of each. */
type LeadRegisteredV1 = { leadId: string; name: string; phone: z.output<typeof phone> | null; email: string | null; source: string; ownerId?: string | null };

/** What the store registers for the Lead: each event's schema, and the steps from older shapes. */
export const LEAD_EVENTS = defineEvents(LEAD_EVENT_SCHEMAS, {
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
});
