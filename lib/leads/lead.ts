// The Lead aggregate's state and how each event changes it. Pure: no I/O, no clock. Times arrive
// as ISO strings inside the events.
import { ERASED_VALUE } from '@/lib/event-store/registry';
import type { LeadEvent, LeadRegistered, MergedFields } from './events';
import type { LeadStatus, Phone } from './values';

/** A call as the dialing rules count it. Calls recorded before version 2 have neither number nor time. */
export type CallAttempt = { readonly at: string | null; readonly phone: string | null; readonly outcome: string };

/** How many recent calls a lead keeps in its state: far more than any rolling limit counts. */
export const RECENT_CALLS = 100;

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
  /** The callback's agent (null: anyone's), when a callback is set. */
  readonly followUpAgentId: string | null;
  /** The latest calls, oldest first. */
  readonly calls: readonly CallAttempt[];
  /** When a recycling disposition offers the lead again. */
  readonly retryAt: string | null;
  /** The disposition the latest calls had in a row, and how many. */
  readonly streak: { readonly outcome: string; readonly count: number } | null;
  readonly exhausted: 'total' | 'disposition' | null;
  readonly wrongPhones: readonly string[];
  /** The person asked not to be called (the reason), or null. */
  readonly doNotCall: string | null;
  /** The time zone an agent set; null: the phones tell. */
  readonly timeZone: string | null;
  /** Who "next lead" gave the lead to, and until when. */
  readonly claim: { readonly agentId: string; readonly until: string } | null;
  /** The lead was merged into another: it takes no more commands. */
  readonly mergedInto: { readonly survivorId: string; readonly mergeId: string } | null;
  /** The latest merge this lead survived, while it may still be undone. */
  readonly lastMerge: LastMerge | null;
  /** The person's data was erased: the lead keeps its status and dates, and takes no personal data again. */
  readonly erased: boolean;
};

/** A merge the survivor may undo: the lead it took in, and its own merged fields before and after. */
export type LastMerge = { readonly mergeId: string; readonly leadId: string; readonly name: string; readonly before: MergedFields; readonly after: MergedFields };

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
      return { ...state, phones: state.phones.filter((phone) => phone.e164 !== data.phone.e164), wrongPhones: state.wrongPhones.filter((phone) => phone !== data.phone.e164) };
    case 'EmailAdded':
      return { ...state, emails: [...state.emails, data.email] };
    case 'EmailRemoved':
      return { ...state, emails: state.emails.filter((email) => email !== data.email) };
    case 'StatusChanged':
      return { ...state, status: data.to };
    case 'FollowUpScheduled':
      return { ...state, followUpAt: data.at, followUpAgentId: data.agentId };
    case 'FollowUpCleared':
      return { ...state, followUpAt: null, followUpAgentId: null };
    case 'LeadAssigned':
      return { ...state, ownerId: data.ownerId };
    case 'NoteAdded':
      return { ...state, noteCount: state.noteCount + 1 };
    case 'CallOutcomeRecorded': {
      const call: CallAttempt = { at: data.at, phone: data.phone, outcome: data.outcome };
      const streak = state.streak?.outcome === data.outcome ? { outcome: data.outcome, count: state.streak.count + 1 } : { outcome: data.outcome, count: 1 };
      // A call ends the claim it was made under and any pending retry; its disposition may set a new one.
      return { ...state, callCount: state.callCount + 1, calls: [...state.calls, call].slice(-RECENT_CALLS), streak, retryAt: null, claim: null };
    }
    case 'RetryScheduled':
      return { ...state, retryAt: data.at };
    case 'AttemptsExhausted':
      return { ...state, exhausted: data.reason, retryAt: null };
    case 'LeadRecycled':
      return { ...state, exhausted: null, streak: null, retryAt: null };
    case 'PhoneMarkedWrong':
      return { ...state, wrongPhones: [...state.wrongPhones, data.phone] };
    case 'DoNotCallRequested':
      return { ...state, doNotCall: data.reason, claim: null, retryAt: null };
    case 'DoNotCallLifted':
      return { ...state, doNotCall: null };
    case 'TimeZoneSet':
      return { ...state, timeZone: data.timeZone };
    case 'LeadClaimed':
      return { ...state, claim: { agentId: data.agentId, until: data.until } };
    case 'ClaimReleased':
      return { ...state, claim: null };
    case 'LeadAbsorbed':
      return { ...state, lastMerge: { mergeId: data.mergeId, leadId: data.leadId, name: data.name, before: data.before, after: data.after } };
    case 'LeadMergedInto':
      // A merged lead is no longer offered or held by anyone; any merge it survived can no longer be undone.
      return { ...state, mergedInto: { survivorId: data.survivorId, mergeId: data.mergeId }, claim: null, lastMerge: null };
    case 'MergeUndone':
      return { ...state, lastMerge: null };
    case 'LeadUnmerged':
      return { ...state, mergedInto: null };
    case 'PersonalDataErased': {
      const erasedPhone = { e164: ERASED_VALUE, raw: ERASED_VALUE };
      return {
        ...state, erased: true, name: ERASED_VALUE, lastMerge: null,
        phones: Array.from({ length: data.phones }, () => erasedPhone),
        emails: Array.from({ length: data.emails }, () => ERASED_VALUE),
        wrongPhones: Array.from({ length: data.wrongPhones }, () => ERASED_VALUE),
      };
    }
    default:
      return state; // events of types this code does not know yet leave the state as it was
  }
}

function registered(data: LeadRegistered['data']): RegisteredLead {
  const { leadId, name, phones, emails, source, ownerId } = data;
  return {
    kind: 'registered', leadId, name, phones, emails, source, status: 'Available', followUpAt: null, ownerId, noteCount: 0, callCount: 0,
    followUpAgentId: null, calls: [], retryAt: null, streak: null, exhausted: null, wrongPhones: [], doNotCall: null, timeZone: null, claim: null,
    mergedInto: null, lastMerge: null, erased: false,
  };
}
