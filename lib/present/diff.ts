// What changed on a lead between two of its states, field by field: for time travel ("what did this
// lead look like then, and what changed since"). Pure.
import type { Lead, LeadStatus, Phone, RegisteredLead } from '@/lib/leads/lead';

type ValueChange<Field extends string, Value> = { readonly field: Field; readonly from: Value; readonly to: Value };
type ListChange<Field extends string, Item> = ValueChange<Field, readonly Item[]> & {
  readonly added: readonly Item[];
  readonly removed: readonly Item[];
};

export type LeadChange =
  | ValueChange<'name', string>
  | ListChange<'phones', Phone>
  | ListChange<'emails', string>
  | ValueChange<'status', LeadStatus>
  | ValueChange<'followUpAt', string | null>
  | ValueChange<'ownerId', string | null>
  | ValueChange<'source', string>;

export type LeadField = LeadChange['field'];

/** Items of `after` not in `before`, and of `before` not in `after`, compared by `key`; order is ignored. */
function listChange<Item>(before: readonly Item[], after: readonly Item[], key: (item: Item) => string) {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    added: after.filter((item) => !beforeKeys.has(key(item))),
    removed: before.filter((item) => !afterKeys.has(key(item))),
  };
}

/** Follow-up times are compared as instants, so two spellings of one moment are no change. */
const sameInstant = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));

type Fields = Pick<RegisteredLead, 'name' | 'phones' | 'emails' | 'status' | 'followUpAt' | 'ownerId' | 'source'>;

/** A lead before its registration reads as one with every field empty. */
const NO_FIELDS: Fields = { name: '', phones: [], emails: [], status: 'Available', followUpAt: null, ownerId: null, source: '' };
const fieldsOf = (lead: Lead): Fields => (lead.kind === 'registered' ? lead : NO_FIELDS);

/** The fields that differ from `earlier` to `later`, in the order a lead page shows them. */
export function diffLeads(earlier: Lead, later: Lead): LeadChange[] {
  const before = fieldsOf(earlier);
  const after = fieldsOf(later);
  const changes: LeadChange[] = [];
  if (before.name !== after.name) changes.push({ field: 'name', from: before.name, to: after.name });
  // A phone is its E.164 number: typing it differently is not a change.
  const phones = listChange(before.phones, after.phones, (phone) => phone.e164);
  if (phones.added.length + phones.removed.length > 0) changes.push({ field: 'phones', from: before.phones, to: after.phones, ...phones });
  const emails = listChange(before.emails, after.emails, (email) => email);
  if (emails.added.length + emails.removed.length > 0) changes.push({ field: 'emails', from: before.emails, to: after.emails, ...emails });
  if (before.status !== after.status) changes.push({ field: 'status', from: before.status, to: after.status });
  if (!sameInstant(before.followUpAt, after.followUpAt)) changes.push({ field: 'followUpAt', from: before.followUpAt, to: after.followUpAt });
  if (before.ownerId !== after.ownerId) changes.push({ field: 'ownerId', from: before.ownerId, to: after.ownerId });
  if (before.source !== after.source) changes.push({ field: 'source', from: before.source, to: after.source });
  return changes;
}
