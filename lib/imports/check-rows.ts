// Which rows of an import can be registered, and why each other row cannot. Pure: the server hands
// it what it looked up (the tenant's users, the leads that already hold a phone or email), and the
// rules of a lead are the RegisterLead command's own, so the preview and the import never disagree.
import { ValidationError } from '@/lib/errors';
import { normaliseEmail, type Region } from '@/lib/leads/contact';
import type { RegisterLead } from '@/lib/leads/decide';
import { parseLeadCommand } from '@/lib/leads/schemas';
import { issueText } from '@/lib/present/error-text';
import type { PastOrPresentHolder } from '@/lib/read/search-terms/contact-holders';
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

export type RowCheck = { readonly index: number; readonly errors: readonly string[]; readonly notes: readonly string[]; readonly lead: RegisterLeadData | null };

export type ExistingLead = PastOrPresentHolder;

export type CheckContext = {
  readonly region: Region;
  readonly now: Date;
  /** Email (lower case) of each user of the tenant who may own leads, to their id. */
  readonly owners: ReadonlyMap<string, string>;
  /** Emails (lower case) of the tenant's users whose role does not work leads. */
  readonly cannotOwn?: ReadonlySet<string>;
  /** The id the row's lead gets: a lead this import stored earlier is not a duplicate of itself. */
  readonly leadIdFor: (index: number) => string;
};

/** Contact key (see contactKey) to the lead that holds it now or, failing that, held it before. */
export type ExistingContacts = ReadonlyMap<string, ExistingLead>;

type Contact = { readonly kind: 'phone' | 'email'; readonly key: string; readonly shown: string };

/** A batch of rows read by the RegisterLead command's rules, before duplicates are looked for. */
export type ReadBatch = {
  readonly rows: readonly ReadRow[];
  /** The phones and emails of the rows that can be registered: what to look up among existing leads. */
  readonly contactKeys: readonly string[];
};
type ReadRow = ReturnType<typeof parseRow>;

/**
 * Checks a file's rows batch by batch, in file order: `read` a batch (pure), look its contact keys
 * up among the tenant's leads, then `check` it. The checker remembers the contacts of the rows it
 * passed, so a row is a duplicate of an earlier one in any batch before it.
 */
export function rowChecker(context: CheckContext) {
  const firstLineWith = new Map<string, number>();
  return {
    read(records: readonly ImportRecord[], first: number): ReadBatch {
      const rows = records.map((record, offset) => parseRow(record, first + offset, context));
      const keys = new Set(rows.flatMap((row) => (row.errors.length === 0 ? row.contacts.map((contact) => contact.key) : [])));
      return { rows, contactKeys: [...keys] };
    },
    check(batch: ReadBatch, existing: ExistingContacts): RowCheck[] {
      return batch.rows.map(({ index, errors: rowErrors, lead, contacts }) => {
        if (rowErrors.length > 0 || !lead) return { index, errors: rowErrors, notes: [], lead: null };
        const errors = contacts.flatMap((contact) => duplicateErrors(contact, index, firstLineWith, existing, context));
        // Only a row that will be imported makes later rows with its phone or email duplicates.
        if (errors.length === 0) for (const contact of contacts) firstLineWith.set(contact.key, lineOf(index));
        const notes = errors.length === 0 ? contacts.flatMap((contact) => formerHolderNotes(contact, existing)) : [];
        return { index, errors, notes, lead: errors.length === 0 ? lead : null };
      });
    },
  };
}

/** Every row of a small file at once. */
export function checkRows(records: readonly ImportRecord[], context: CheckContext & { readonly existing: ExistingContacts }): RowCheck[] {
  const checker = rowChecker(context);
  return checker.check(checker.read(records, 0), context.existing);
}

function duplicateErrors(contact: Contact, index: number, firstLineWith: ReadonlyMap<string, number>, existing: ExistingContacts, context: CheckContext): string[] {
  const errors: string[] = [];
  const line = firstLineWith.get(contact.key);
  if (line !== undefined) errors.push(`Duplicate of line ${line}: same ${contact.kind} ${contact.shown}`);
  const holder = existing.get(contact.key);
  if (holder?.current && holder.leadId !== context.leadIdFor(index)) errors.push(`Duplicate of existing lead ${holder.name}: same ${contact.kind} ${contact.shown}`);
  return errors;
}

/** A lead that held the row's phone or email before and gave it up: maybe the same person, maybe the number's next owner. */
function formerHolderNotes(contact: Contact, existing: ExistingContacts): string[] {
  const holder = existing.get(contact.key);
  return holder && !holder.current ? [`Possible duplicate of existing lead ${holder.name}: it held ${contact.kind} ${contact.shown} before`] : [];
}

function parseRow(record: ImportRecord, index: number, context: CheckContext) {
  const [name, phoneCell, emailCell, source, ownerEmail] = record;
  const errors: string[] = [];
  const ownerId = ownerEmail ? (context.owners.get(normaliseEmail(ownerEmail)) ?? null) : null;
  if (ownerEmail && !ownerId) {
    const shown = ownerEmail.length > 80 ? `${ownerEmail.slice(0, 79)}…` : ownerEmail;
    errors.push(context.cannotOwn?.has(normaliseEmail(ownerEmail))
      ? `${shown} cannot own leads: their role does not work leads`
      : `No user with email ${shown} in your organisation`);
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
    return { index, errors, lead, contacts };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { index, errors: [...errors, ...error.issues.map(issueText)], lead: null, contacts: [] as Contact[] };
  }
}
