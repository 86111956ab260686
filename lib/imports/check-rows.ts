// Which rows of an import can be registered, and why each other row cannot. Pure: the server hands
// it what it looked up (the tenant's users, the leads that already hold a phone or email), and the
// rules of a lead are the RegisterLead command's own, so the preview and the import never disagree.
import { ValidationError } from '@/lib/errors';
import { normaliseEmail, normalisePhone, type Region } from '@/lib/leads/contact';
import type { RegisterLead } from '@/lib/leads/decide';
import { parseLeadCommand } from '@/lib/leads/schemas';
import { issueText } from '@/lib/present/error-text';
import type { ContactHolder } from '@/lib/read/search-terms/contact-holders';
import { contactKey, phoneDigits } from '@/lib/read/search-terms/normalize';
import { lineOf, splitValues, type ImportRecord } from './mapping';

export const DEFAULT_SOURCE = 'CSV import';

/** RegisterLead's data as the command handler takes it. */
export type RegisterLeadData = {
  readonly leadId: string;
  readonly name: string;
  readonly phones: string[];
  readonly emails: string[];
  readonly source: string;
  readonly ownerId: string | null;
};

export type RowCheck = { readonly index: number; readonly errors: readonly string[]; readonly lead: RegisterLeadData | null };

export type ExistingLead = ContactHolder;

export type CheckContext = {
  readonly region: Region;
  readonly now: Date;
  /** Email (lower case) of each user of the tenant who may own leads, to their id. */
  readonly owners: ReadonlyMap<string, string>;
  /** Emails (lower case) of the tenant's users whose role does not work leads. */
  readonly cannotOwn?: ReadonlySet<string>;
  /** Contact key (see contactKey) to the lead that holds it now. */
  readonly existing: ReadonlyMap<string, ExistingLead>;
  /** The id the row's lead gets: a lead this import stored earlier is not a duplicate of itself. */
  readonly leadIdFor: (index: number) => string;
};

type Contact = { readonly kind: 'phone' | 'email'; readonly key: string; readonly shown: string };

export function checkRows(records: readonly ImportRecord[], context: CheckContext): RowCheck[] {
  const firstLineWith = new Map<string, number>();
  return records.map((record, index) => {
    const parsed = parseRow(record, index, context);
    if (parsed.errors.length > 0 || !parsed.lead) return { index, errors: parsed.errors, lead: null };
    const errors = parsed.contacts.flatMap((contact) => duplicateErrors(contact, index, firstLineWith, context));
    // Only a row that will be imported makes later rows with its phone or email duplicates.
    if (errors.length === 0) for (const contact of parsed.contacts) firstLineWith.set(contact.key, lineOf(index));
    return { index, errors, lead: errors.length === 0 ? parsed.lead : null };
  });
}

function duplicateErrors(contact: Contact, index: number, firstLineWith: ReadonlyMap<string, number>, context: CheckContext): string[] {
  const errors: string[] = [];
  const line = firstLineWith.get(contact.key);
  if (line !== undefined) errors.push(`Duplicate of line ${line}: same ${contact.kind} ${contact.shown}`);
  const holder = context.existing.get(contact.key);
  if (holder && holder.leadId !== context.leadIdFor(index)) errors.push(`Duplicate of existing lead ${holder.name}: same ${contact.kind} ${contact.shown}`);
  return errors;
}

function parseRow(record: ImportRecord, index: number, context: CheckContext) {
  const [name, phoneCell, emailCell, source, ownerEmail] = record;
  const errors: string[] = [];
  const ownerId = ownerEmail ? (context.owners.get(normaliseEmail(ownerEmail)) ?? null) : null;
  if (ownerEmail && !ownerId) {
    errors.push(context.cannotOwn?.has(normaliseEmail(ownerEmail))
      ? `${ownerEmail} cannot own leads: their role does not work leads`
      : `No user with email ${ownerEmail} in your organisation`);
  }
  const lead: RegisterLeadData = {
    leadId: context.leadIdFor(index),
    name,
    phones: splitValues(phoneCell),
    emails: splitValues(emailCell),
    source: source || DEFAULT_SOURCE,
    ownerId,
  };
  try {
    const command = parseLeadCommand({ type: 'RegisterLead', data: lead }, { region: context.region, now: context.now }) as RegisterLead;
    const contacts: Contact[] = [
      ...command.data.phones.map((phone): Contact => ({ kind: 'phone', key: contactKey('phone', phoneDigits(phone.e164)), shown: phone.raw })),
      ...command.data.emails.map((email): Contact => ({ kind: 'email', key: contactKey('email', normaliseEmail(email)), shown: email })),
    ];
    return { errors, lead, contacts };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { errors: [...errors, ...error.issues.map(issueText)], lead: null, contacts: [] };
  }
}

/** The phones and emails of all rows, as contact keys: what to look up among existing leads. */
export function contactKeysOf(records: readonly ImportRecord[], region: Region): string[] {
  const keys = new Set<string>();
  for (const [, phoneCell, emailCell] of records) {
    for (const phone of splitValues(phoneCell)) {
      const normalised = normalisePhone(phone, region);
      if (normalised) keys.add(contactKey('phone', phoneDigits(normalised.e164)));
    }
    for (const email of splitValues(emailCell)) keys.add(contactKey('email', normaliseEmail(email)));
  }
  return [...keys];
}
