// Lead commands and the rules that turn a command into events (see docs/lead-rules.md).
// Commands arrive validated and normalised (lib/leads/schemas.ts); the time comes on the metadata.
import { IllegalStateError, NotFoundError, ValidationError } from '@/lib/errors';
import { STATUS_LABELS, type CallOutcome, type Lead, type LeadEvent, type LeadStatus, type Phone } from './lead';

export type CommandMetadata = { readonly now: Date };

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data; readonly metadata: CommandMetadata };

export type RegisterLead = Command<'RegisterLead', { leadId: string; name: string; phones: Phone[]; emails: string[]; source: string; ownerId: string | null }>;
export type ChangeName = Command<'ChangeName', { name: string }>;
/** Add, remove or (both at once) replace phones and emails. Removals name the E.164 / address. */
export type ChangeContactInfo = Command<
  'ChangeContactInfo',
  { addPhones: Phone[]; removePhones: string[]; addEmails: string[]; removeEmails: string[] }
>;
export type ChangeStatus = Command<'ChangeStatus', { status: LeadStatus; followUpAt: Date | null }>;
export type SetFollowUp = Command<'SetFollowUp', { at: Date }>;
export type ClearFollowUp = Command<'ClearFollowUp', Record<string, never>>;
export type AssignLead = Command<'AssignLead', { ownerId: string | null }>;
export type AddNote = Command<'AddNote', { noteId: string; text: string }>;
export type RecordCallOutcome = Command<'RecordCallOutcome', { outcome: CallOutcome; notes: string | null }>;

export type LeadCommand =
  | RegisterLead
  | ChangeName
  | ChangeContactInfo
  | ChangeStatus
  | SetFollowUp
  | ClearFollowUp
  | AssignLead
  | AddNote
  | RecordCallOutcome;

export type LeadCommandType = LeadCommand['type'];

export function decide(command: LeadCommand, state: Lead): LeadEvent[] {
  if (command.type === 'RegisterLead') return registerLead(command, state);
  if (!state.exists) throw new NotFoundError('Lead not found');
  switch (command.type) {
    case 'ChangeName':
      return changeName(command, state);
    case 'ChangeContactInfo':
      return changeContactInfo(command, state);
    case 'ChangeStatus':
      return changeStatus(command, state);
    case 'SetFollowUp':
      return setFollowUp(command, state);
    case 'ClearFollowUp':
      return clearFollowUp(state);
    case 'AssignLead':
      return assignLead(command, state);
    case 'AddNote':
      return [{ type: 'NoteAdded', data: { noteId: command.data.noteId, text: command.data.text } }];
    case 'RecordCallOutcome':
      return [{ type: 'CallOutcomeRecorded', data: { outcome: command.data.outcome, notes: command.data.notes } }];
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

function registerLead({ data }: RegisterLead, state: Lead): LeadEvent[] {
  if (state.exists) throw new IllegalStateError('This lead is already registered');
  return [{ type: 'LeadRegistered', data: { ...data } }];
}

function changeName({ data }: ChangeName, state: Lead): LeadEvent[] {
  if (data.name === state.name) throw new IllegalStateError('The name is unchanged', 'name');
  return [{ type: 'NameChanged', data: { name: data.name, previousName: state.name } }];
}

function changeContactInfo({ data }: ChangeContactInfo, state: Lead): LeadEvent[] {
  const issues: { field: string; message: string }[] = [];
  const heldPhones = new Set(state.phones.map((phone) => phone.e164));
  const removedPhones = new Set(data.removePhones);
  data.removePhones.forEach((e164, index) => {
    if (!heldPhones.has(e164)) issues.push({ field: `removePhones.${index}`, message: `${e164} is not one of this lead's phones` });
  });
  data.addPhones.forEach((phone, index) => {
    if (heldPhones.has(phone.e164) && !removedPhones.has(phone.e164)) {
      issues.push({ field: `addPhones.${index}`, message: `${phone.e164} is already one of this lead's phones` });
    }
  });
  const removedEmails = new Set(data.removeEmails);
  data.removeEmails.forEach((email, index) => {
    if (!state.emails.includes(email)) issues.push({ field: `removeEmails.${index}`, message: `${email} is not one of this lead's emails` });
  });
  data.addEmails.forEach((email, index) => {
    if (state.emails.includes(email) && !removedEmails.has(email)) {
      issues.push({ field: `addEmails.${index}`, message: `${email} is already one of this lead's emails` });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);

  const phonesLeft = state.phones.length - removedPhones.size + data.addPhones.length;
  const emailsLeft = state.emails.length - removedEmails.size + data.addEmails.length;
  if (phonesLeft + emailsLeft === 0) {
    throw new IllegalStateError('A lead needs at least one phone or email', 'contact');
  }
  return [
    ...state.phones.filter((phone) => removedPhones.has(phone.e164)).map((phone): LeadEvent => ({ type: 'PhoneRemoved', data: { phone } })),
    ...data.addPhones.map((phone): LeadEvent => ({ type: 'PhoneAdded', data: { phone } })),
    ...data.removeEmails.map((email): LeadEvent => ({ type: 'EmailRemoved', data: { email } })),
    ...data.addEmails.map((email): LeadEvent => ({ type: 'EmailAdded', data: { email } })),
  ];
}

/** Which statuses a lead may move to from each status. Converted is final. */
export const ALLOWED_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  Available: ['FollowUp', 'Closed', 'Converted'],
  FollowUp: ['Available', 'Closed', 'Converted'],
  Closed: ['Available', 'FollowUp'],
  Converted: [],
};

function changeStatus({ data, metadata }: ChangeStatus, state: Lead): LeadEvent[] {
  const { status, followUpAt } = data;
  if (status === state.status) throw new IllegalStateError(`The lead is already ${STATUS_LABELS[status]}`, 'status');
  if (!ALLOWED_TRANSITIONS[state.status].includes(status)) {
    throw new IllegalStateError(illegalTransitionMessage(state.status, status), 'status');
  }
  const statusChanged: LeadEvent = { type: 'StatusChanged', data: { from: state.status, to: status } };
  if (status === 'FollowUp') {
    if (!followUpAt) throw new ValidationError([{ field: 'followUpAt', message: 'Follow-up needs a follow-up date' }]);
    requireFuture(followUpAt, metadata.now, 'followUpAt');
    return [statusChanged, { type: 'FollowUpScheduled', data: { at: followUpAt.toISOString(), previousAt: state.followUpAt } }];
  }
  if (followUpAt) {
    throw new ValidationError([{ field: 'followUpAt', message: 'A follow-up date only goes with the Follow-up status' }]);
  }
  // Moving on from a callback ends it; closing or converting also ends one set on an open lead.
  const endsFollowUp = state.followUpAt !== null && (state.status === 'FollowUp' || status === 'Closed' || status === 'Converted');
  return endsFollowUp
    ? [statusChanged, { type: 'FollowUpCleared', data: { previousAt: state.followUpAt!, reason: 'status-changed' } }]
    : [statusChanged];
}

function illegalTransitionMessage(from: LeadStatus, to: LeadStatus): string {
  if (from === 'Converted') return 'A converted lead is final: its status cannot change';
  if (from === 'Closed' && to === 'Converted') return 'Reopen a closed lead (Available or Follow-up) before converting it';
  return `A lead cannot move from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}`;
}

function setFollowUp({ data, metadata }: SetFollowUp, state: Lead): LeadEvent[] {
  if (state.status === 'Closed' || state.status === 'Converted') {
    throw new IllegalStateError(`A ${STATUS_LABELS[state.status].toLowerCase()} lead cannot have a follow-up`, 'at');
  }
  requireFuture(data.at, metadata.now, 'at');
  const at = data.at.toISOString();
  if (at === state.followUpAt) throw new IllegalStateError('The follow-up is already set for that time', 'at');
  return [{ type: 'FollowUpScheduled', data: { at, previousAt: state.followUpAt } }];
}

function clearFollowUp(state: Lead): LeadEvent[] {
  if (state.followUpAt === null) throw new IllegalStateError('The lead has no follow-up to clear');
  if (state.status === 'FollowUp') {
    throw new IllegalStateError('A lead in Follow-up needs a follow-up date: change its status instead');
  }
  return [{ type: 'FollowUpCleared', data: { previousAt: state.followUpAt, reason: 'cleared' } }];
}

function assignLead({ data }: AssignLead, state: Lead): LeadEvent[] {
  if (data.ownerId === state.ownerId) {
    throw new IllegalStateError(data.ownerId ? 'The lead is already assigned to this agent' : 'The lead is not assigned', 'ownerId');
  }
  return [{ type: 'LeadAssigned', data: { ownerId: data.ownerId, previousOwnerId: state.ownerId } }];
}

function requireFuture(at: Date, now: Date, field: string): void {
  if (at.getTime() <= now.getTime()) throw new ValidationError([{ field, message: 'The follow-up date must be in the future' }]);
}
