// The Lead aggregate's state and how each event changes it. Pure: no I/O, no clock. Times arrive
// as ISO strings inside the events.
import type { LeadEvent, LeadRegistered } from './events';
import type { LeadStatus, Phone } from './values';

export * from './values';
export * from './events';

// ---- State ----------------------------------------------------------------------------------------

/** A lead's stream before its registration: nothing is known of it yet. */
export type UnregisteredLead = { readonly kind: 'initial' };

export type RegisteredLead = {
  readonly kind: 'registered';
  readonly leadId: string;
  readonly name: string;
  readonly phones: readonly Phone[];
  readonly emails: readonly string[];
  readonly source: string;
  readonly status: LeadStatus;
  /** ISO time of the scheduled callback, if any. */
  readonly followUpAt: string | null;
  readonly ownerId: string | null;
  readonly noteCount: number;
  readonly callCount: number;
};

export type Lead = UnregisteredLead | RegisteredLead;

export const initialState = (): Lead => ({ kind: 'initial' });

export function evolve(state: Lead, event: LeadEvent): Lead {
  if (state.kind === 'initial') return event.type === 'LeadRegistered' ? registered(event.data) : state;
  const { type, data } = event;
  switch (type) {
    case 'LeadRegistered':
      return state; // a stream is registered once; decide refuses a second registration
    case 'NameChanged':
      return { ...state, name: data.name };
    case 'PhoneAdded':
      return { ...state, phones: [...state.phones, data.phone] };
    case 'PhoneRemoved':
      return { ...state, phones: state.phones.filter((phone) => phone.e164 !== data.phone.e164) };
    case 'EmailAdded':
      return { ...state, emails: [...state.emails, data.email] };
    case 'EmailRemoved':
      return { ...state, emails: state.emails.filter((email) => email !== data.email) };
    case 'StatusChanged':
      return { ...state, status: data.to };
    case 'FollowUpScheduled':
      return { ...state, followUpAt: data.at };
    case 'FollowUpCleared':
      return { ...state, followUpAt: null };
    case 'LeadAssigned':
      return { ...state, ownerId: data.ownerId };
    case 'NoteAdded':
      return { ...state, noteCount: state.noteCount + 1 };
    case 'CallOutcomeRecorded':
      return { ...state, callCount: state.callCount + 1 };
    default:
      return state; // events of types this code does not know yet leave the state as it was
  }
}

function registered(data: LeadRegistered['data']): RegisteredLead {
  const { leadId, name, phones, emails, source, ownerId } = data;
  return { kind: 'registered', leadId, name, phones, emails, source, status: 'Available', followUpAt: null, ownerId, noteCount: 0, callCount: 0 };
}
