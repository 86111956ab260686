// What a lead command may look like on the way in. Every field is checked here, so a bad command is
// refused with each bad field named before anything is loaded or appended.
import { z } from 'zod';
import { instantField } from '@/lib/input/time';
import { toValidationError } from '@/lib/input/validation';
import { normaliseEmail, normalisePhone, type Region } from './contact';
import type { LeadCommand, LeadCommandType } from './decide';
import { LEAD_LIMITS, LEAD_STATUSES, type Phone } from './lead';

const count = (limit: number) => limit.toLocaleString('en-GB');

const name = z
  .string({ error: (issue) => (issue.input === undefined ? 'Name is required' : 'Name must be text') })
  .trim()
  .min(1, { error: 'Name is required' })
  .max(LEAD_LIMITS.name, { error: `Name must be at most ${count(LEAD_LIMITS.name)} characters` });

const email = z
  .string({ error: 'Email must be text' })
  .max(LEAD_LIMITS.email, { error: `An email address has at most ${LEAD_LIMITS.email} characters` })
  .transform(normaliseEmail)
  .pipe(z.email({ error: (issue) => `"${issue.input}" is not a valid email address` }));

/** An ISO date-time (UTC without an offset; a day alone is its start) or a Date; nothing else is taken for a date. */
const dateTime = (label: string) => instantField(`${label} must be a date and time`, { day: 'start' });

function phone(region: Region) {
  return z.string({ error: 'Phone must be text' }).max(LEAD_LIMITS.phoneText, { error: `A phone number has at most ${LEAD_LIMITS.phoneText} characters` }).transform((raw, ctx): Phone => {
    const normalised = normalisePhone(raw, region);
    if (!normalised) {
      ctx.addIssue({ code: 'custom', message: raw.trim() ? `"${raw.trim()}" is not a valid phone number` : 'Phone is required' });
      return z.NEVER;
    }
    return normalised;
  });
}

/** Flags every value listed twice, naming the later one. */
function noRepeats<T>(key: (value: T) => string, label: string) {
  return (values: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(key(value))) ctx.addIssue({ code: 'custom', path: [index], message: `${label} ${key(value)} is listed twice` });
      seen.add(key(value));
    });
  };
}

function commandSchemas(region: Region) {
  const phones = z
    .array(phone(region), { error: 'Phones must be a list' })
    .max(LEAD_LIMITS.phones, { error: `A lead holds at most ${LEAD_LIMITS.phones} phones` })
    .superRefine(noRepeats((p: Phone) => p.e164, 'Phone'));
  const emails = z
    .array(email, { error: 'Emails must be a list' })
    .max(LEAD_LIMITS.emails, { error: `A lead holds at most ${LEAD_LIMITS.emails} emails` })
    .superRefine(noRepeats((e: string) => e, 'Email'));
  const ownerId = z
    .string({ error: 'Owner must be a user id' })
    .min(1, { error: 'Owner must be a user id' })
    .max(LEAD_LIMITS.userId, { error: 'Owner must be a user id' })
    .nullable();
  return {
    RegisterLead: z
      .strictObject({
        leadId: z.uuid({ error: 'Lead id must be a UUID' }),
        name,
        phones: phones.default([]),
        emails: emails.default([]),
        source: z
          .string({ error: 'Source must be text' })
          .trim()
          .min(1, { error: 'Source is required' })
          .max(LEAD_LIMITS.source, { error: `Source must be at most ${LEAD_LIMITS.source} characters` })
          .default('manual'),
        ownerId: ownerId.default(null),
      })
      .refine((lead) => lead.phones.length + lead.emails.length > 0, {
        path: ['phones'],
        error: 'Give at least one phone or email',
      }),
    ChangeName: z.strictObject({ name }),
    ChangeContactInfo: z
      .strictObject({
        addPhones: phones.default([]),
        removePhones: phones.default([]).transform((list) => list.map((p) => p.e164)),
        addEmails: emails.default([]),
        removeEmails: emails.default([]),
      })
      .refine((change) => change.addPhones.length + change.removePhones.length + change.addEmails.length + change.removeEmails.length > 0, {
        path: ['addPhones'],
        error: 'Nothing to change: add or remove a phone or an email',
      }),
    ChangeStatus: z.strictObject({
      status: z.enum(LEAD_STATUSES, { error: `Status must be one of ${LEAD_STATUSES.join(', ')}` }),
      followUpAt: dateTime('Follow-up date').nullable().default(null),
    }),
    SetFollowUp: z.strictObject({ at: dateTime('Follow-up date') }),
    ClearFollowUp: z.strictObject({}),
    AssignLead: z.strictObject({ ownerId }),
    AddNote: z.strictObject({
      noteId: z.uuid({ error: 'Note id must be a UUID' }),
      text: z
        .string({ error: 'Note must be text' })
        .trim()
        .min(1, { error: 'Note is empty' })
        .max(LEAD_LIMITS.note, { error: `Note must be at most ${count(LEAD_LIMITS.note)} characters` }),
    }),
    RecordCallOutcome: z.strictObject({
      // A code of the tenant's dispositions: checked against them when the command is decided.
      outcome: z.string({ error: 'Outcome must be a disposition code' }).trim().min(1, { error: 'Choose the call\u2019s outcome' }).max(40, { error: 'Outcome must be a disposition code' }),
      phone: phone(region).transform((p) => p.e164).nullable().default(null),
      callbackAt: dateTime('Callback time').nullable().default(null),
      agentId: ownerId.default(null),
      notes: z
        .string({ error: 'Notes must be text' })
        .trim()
        .max(LEAD_LIMITS.callNotes, { error: `Call notes must be at most ${count(LEAD_LIMITS.callNotes)} characters` })
        .nullable()
        .default(null)
        .transform((text) => text || null),
    }),
    SkipLead: z.strictObject({ agentId: ownerId.default(null), reason: reason('Skipping') }),
    SetTimeZone: z.strictObject({
      timeZone: z
        .string({ error: 'Time zone must be text' })
        .refine(isTimeZone, { error: (issue) => `"${String(issue.input).slice(0, 64)}" is not a time zone (use an IANA name such as Europe/London)` })
        .nullable(),
    }),
    RequestDoNotCall: z.strictObject({ reason: reason('Marking a lead do-not-call') }),
    LiftDoNotCall: z.strictObject({ reason: reason('Lifting do-not-call') }),
    RecycleLead: z.strictObject({ reason: reason('Recycling') }),
  } satisfies Record<ClientCommandType, z.ZodType>;
}

/** A reason a person gives for a change: required, one line or a few. */
const reason = (doing: string) =>
  z.string({ error: `${doing} needs a reason` }).trim().min(1, { error: `${doing} needs a reason` }).max(LEAD_LIMITS.reason, { error: `A reason has at most ${LEAD_LIMITS.reason} characters` });

/** An IANA time zone this server knows (Intl's own list, with its aliases). */
function isTimeZone(value: string): boolean {
  if (value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// Building the schemas costs far more than using them: build them once per region.
const schemasByRegion = new Map<Region, ReturnType<typeof commandSchemas>>();
/** Each lead command's data schema, reading phones without a country code as numbers of `region`. */
export function leadCommandSchemas(region: Region) {
  let schemas = schemasByRegion.get(region);
  if (!schemas) schemasByRegion.set(region, (schemas = commandSchemas(region)));
  return schemas;
}

/**
 * The lead commands a client may send; "next lead" claims leads itself (lib/dialing/next-lead.ts),
 * merges have their own service for managers (lib/commands/merge-service.ts), and so has erasure
 * (lib/erasure/erase-service.ts).
 */
export type ClientCommandType = Exclude<LeadCommandType, 'ClaimLead' | 'MergeLead' | 'UnmergeLead' | 'ErasePersonalData'>;

export const LEAD_COMMAND_TYPES = [
  'RegisterLead',
  'ChangeName',
  'ChangeContactInfo',
  'ChangeStatus',
  'SetFollowUp',
  'ClearFollowUp',
  'AssignLead',
  'AddNote',
  'RecordCallOutcome',
  'SkipLead',
  'SetTimeZone',
  'RequestDoNotCall',
  'LiftDoNotCall',
  'RecycleLead',
] as const satisfies readonly ClientCommandType[];

const envelope = z.object({
  type: z.enum(LEAD_COMMAND_TYPES, { error: 'Unknown command' }),
  data: z.unknown().optional(),
});

/**
 * Checks and normalises a command as it arrives (type and data), reading phone numbers without a
 * country code as numbers of the tenant's region. Throws a ValidationError naming each bad field.
 */
export function parseLeadCommand(input: unknown, context: { region: Region; now: Date }): LeadCommand {
  const outer = envelope.safeParse(input);
  if (!outer.success) throw toValidationError(outer.error);
  const schema = leadCommandSchemas(context.region)[outer.data.type];
  const data = (schema as z.ZodType).safeParse(outer.data.data ?? {});
  if (!data.success) throw toValidationError(data.error);
  return { type: outer.data.type, data: data.data, metadata: { now: context.now } } as LeadCommand;
}
