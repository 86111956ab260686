// The Lead aggregate: its events, its state and how each event changes the state.
// Pure: no I/O, no clock. Times arrive as ISO strings inside the events.

export const LEAD_STATUSES = ['Available', 'FollowUp', 'Closed', 'Converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const STATUS_LABELS: Record<LeadStatus, string> = {
  Available: 'Available',
  FollowUp: 'Follow-up',
  Closed: 'Closed',
  Converted: 'Converted',
};

export const CALL_OUTCOMES = ['no-answer', 'voicemail', 'busy', 'wrong-number', 'not-interested', 'interested', 'callback-requested', 'sale'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** A phone number as the agent typed it and in E.164. */
export type Phone = { readonly e164: string; readonly raw: string };

// ---- Events (past tense, one fact each) -----------------------------------------------------------

export type LeadRegistered = {
  type: 'LeadRegistered';
  data: { leadId: string; name: string; phones: Phone[]; emails: string[]; source: string; ownerId: string | null };
};
export type NameChanged = { type: 'NameChanged'; data: { name: string; previousName: string } };
export type PhoneAdded = { type: 'PhoneAdded'; data: { phone: Phone } };
export type PhoneRemoved = { type: 'PhoneRemoved'; data: { phone: Phone } };
export type EmailAdded = { type: 'EmailAdded'; data: { email: string } };
export type EmailRemoved = { type: 'EmailRemoved'; data: { email: string } };
export type StatusChanged = { type: 'StatusChanged'; data: { from: LeadStatus; to: LeadStatus } };
export type FollowUpScheduled = { type: 'FollowUpScheduled'; data: { at: string; previousAt: string | null } };
export type FollowUpCleared = { type: 'FollowUpCleared'; data: { previousAt: string; reason: 'cleared' | 'status-changed' } };
export type LeadAssigned = { type: 'LeadAssigned'; data: { ownerId: string | null; previousOwnerId: string | null } };
export type NoteAdded = { type: 'NoteAdded'; data: { noteId: string; text: string } };
export type CallOutcomeRecorded = { type: 'CallOutcomeRecorded'; data: { outcome: CallOutcome; notes: string | null } };

export type LeadEvent =
  | LeadRegistered
  | NameChanged
  | PhoneAdded
  | PhoneRemoved
  | EmailAdded
  | EmailRemoved
  | StatusChanged
  | FollowUpScheduled
  | FollowUpCleared
  | LeadAssigned
  | NoteAdded
  | CallOutcomeRecorded;

export type LeadEventType = LeadEvent['type'];

// ---- State ----------------------------------------------------------------------------------------

export type Lead = {
  readonly exists: boolean;
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

/** Bump when `Lead` changes shape: stored snapshots of the old shape are then ignored. */
export const LEAD_STATE_VERSION = 1;

export const initialState = (): Lead => ({
  exists: false,
  leadId: '',
  name: '',
  phones: [],
  emails: [],
  source: '',
  status: 'Available',
  followUpAt: null,
  ownerId: null,
  noteCount: 0,
  callCount: 0,
});

export function evolve(state: Lead, event: LeadEvent): Lead {
  const { type, data } = event;
  switch (type) {
    case 'LeadRegistered':
      return { ...state, exists: true, leadId: data.leadId, name: data.name, phones: data.phones, emails: data.emails, source: data.source, ownerId: data.ownerId };
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
