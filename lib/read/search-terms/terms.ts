// Which search terms each lead event makes current or previous. Pure.
import { ERASED_VALUE, type StoredEvent } from '@/lib/event-store';
import { isLeadEvent } from '@/lib/leads';
import { normaliseEmail } from '@/lib/leads/contact';
import { normalizeName, phoneDigits } from './normalize';

export type TermKind = 'name' | 'phone' | 'email';

/** A lead starts (`held: true`) or stops holding a value. */
export type TermChange = {
  tenantId: string;
  leadId: string;
  kind: TermKind;
  value: string;
  normalized: string;
  display: string;
  held: boolean;
  at: string;
  actor: string | null;
};

type ChangeBase = Pick<TermChange, 'tenantId' | 'leadId' | 'at' | 'actor'>;

// Module functions, not closures made per event: a rebuild reads millions of events.
const name = (base: ChangeBase, value: string, held: boolean): TermChange => ({ ...base, kind: 'name', value, normalized: normalizeName(value), display: value, held });
const email = (base: ChangeBase, value: string, held: boolean): TermChange => ({ ...base, kind: 'email', value, normalized: normaliseEmail(value), display: value, held });
const phone = (base: ChangeBase, p: { e164: string; raw: string }, held: boolean): TermChange => ({ ...base, kind: 'phone', value: p.e164, normalized: phoneDigits(p.e164), display: p.raw, held });

const TERM_EVENTS = new Set(['LeadRegistered', 'NameChanged', 'PhoneAdded', 'PhoneRemoved', 'EmailAdded', 'EmailRemoved']);

/** The terms an event changes; an erased value is no term (docs/erasure.md). */
export function termChanges(event: StoredEvent): TermChange[] {
  if (!TERM_EVENTS.has(event.type) || !isLeadEvent(event)) return [];
  const changes = eventTermChanges(event);
  return changes.some((change) => change.value === ERASED_VALUE) ? changes.filter((change) => change.value !== ERASED_VALUE) : changes;
}

/** The leads whose person's data the events erase: every term they held is dropped. */
export const erasedLeads = (events: readonly StoredEvent[]): { tenant_id: string; lead_id: string }[] =>
  events.filter((event) => event.type === 'PersonalDataErased' && isLeadEvent(event)).map((event) => ({ tenant_id: event.tenantId, lead_id: event.streamId }));

function eventTermChanges(event: StoredEvent): TermChange[] {
  if (!isLeadEvent(event)) return [];
  const lead = event;
  const base: ChangeBase = { tenantId: event.tenantId, leadId: event.streamId, at: event.occurredAt.toISOString(), actor: event.metadata.actor ?? null };
  switch (lead.type) {
    case 'LeadRegistered':
      return [name(base, lead.data.name, true), ...lead.data.phones.map((p) => phone(base, p, true)), ...lead.data.emails.map((e) => email(base, e, true))];
    case 'NameChanged':
      return [name(base, lead.data.previousName, false), name(base, lead.data.name, true)];
    case 'PhoneAdded':
      return [phone(base, lead.data.phone, true)];
    case 'PhoneRemoved':
      return [phone(base, lead.data.phone, false)];
    case 'EmailAdded':
      return [email(base, lead.data.email, true)];
    case 'EmailRemoved':
      return [email(base, lead.data.email, false)];
    default:
      return [];
  }
}

export type TermRow = {
  tenant_id: string;
  lead_id: string;
  kind: TermKind;
  value: string;
  normalized: string;
  display: string;
  current: boolean;
  first_held_at: string;
  last_held_at: string | null;
  changed_at: string;
  changed_by: string | null;
};

/**
 * The net effect of a batch's changes (in log order) on each term: the last change decides whether
 * it is current, the earliest time in the batch is its first-held candidate (the stored one wins if
 * earlier). A term keeps the spelling or format it was last held with.
 */
export function collapseTermChanges(changes: readonly TermChange[]): TermRow[] {
  const rows = new Map<string, TermRow>();
  for (const change of changes) {
    const key = [change.tenantId, change.leadId, change.kind, change.normalized].join('\u0000');
    const previous = rows.get(key);
    rows.set(key, {
      tenant_id: change.tenantId,
      lead_id: change.leadId,
      kind: change.kind,
      value: change.held || !previous ? change.value : previous.value,
      normalized: change.normalized,
      display: change.held || !previous ? change.display : previous.display,
      current: change.held,
      first_held_at: previous?.first_held_at ?? change.at,
      last_held_at: change.held ? null : change.at,
      changed_at: change.at,
      changed_by: change.actor,
    });
  }
  return [...rows.values()];
}
