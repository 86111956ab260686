// Lead commands and the rules that turn a command into events (see docs/lead-rules.md).
// Commands arrive validated and normalised (lib/leads/schemas.ts); the time comes on the metadata.
import { IllegalStateError, NotFoundError, ValidationError, type FieldIssue } from '@/lib/errors';
import {
  claimLead, liftDoNotCall, recordCallOutcome, recycleLead, requestDoNotCall, setTimeZone, skipLead, type DialingCommand, type DialingContext,
} from './dialing';
import { erasePersonalData, refuseIfErased, type ErasePersonalData } from './erase';
import { mergeLead, unmergeLead, type MergeCommand } from './merge';
import { LEAD_LIMITS, type Lead, type LeadEvent, type LeadStatus, type Phone, type RegisteredLead } from './lead';

/**
 * The time a command arrived; for dialing commands, also the tenant's rules as they apply to the
 * lead; for a new lead nobody named an owner for, the owner its source's assignment rule chose.
 */
export type CommandMetadata = { readonly now: Date; readonly dialing?: DialingContext; readonly assignment?: { readonly ownerId: string; readonly rule: string } };

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
/** `rule`: the assignment rule that chose the owner, when no person did. */
export type AssignLead = Command<'AssignLead', { ownerId: string | null; rule?: string | null }>;
export type AddNote = Command<'AddNote', { noteId: string; text: string }>;
export type { MergeChoices, MergeCommand, MergeLead, UnmergeLead } from './merge';
export type { ErasePersonalData } from './erase';
export type { ClaimLead, DialingContext, LiftDoNotCall, RecordCallOutcome, RecycleLead, RequestDoNotCall, SetTimeZone, SkipLead } from './dialing';

export type LeadCommand =
  | RegisterLead
  | ChangeName
  | ChangeContactInfo
  | ChangeStatus
  | SetFollowUp
  | ClearFollowUp
  | AssignLead
  | AddNote
  | DialingCommand
  | MergeCommand
  | ErasePersonalData;

export type LeadCommandType = LeadCommand['type'];

export function decide(command: LeadCommand, state: Lead): LeadEvent[] {
  if (command.type === 'RegisterLead') return registerLead(command, state);
  if (state.kind === 'initial') throw new NotFoundError('lead.not-found');
  if (state.mergedInto) throw new IllegalStateError('lead.merged', { params: { survivorId: state.mergedInto.survivorId } });
  refuseIfErased(command, state);
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
      return recordCallOutcome(command, state, moveStatus);
    case 'ClaimLead':
      return claimLead(command, state);
    case 'SkipLead':
      return skipLead(command, state);
    case 'SetTimeZone':
      return setTimeZone(command, state);
    case 'RequestDoNotCall':
      return requestDoNotCall(command, state);
    case 'LiftDoNotCall':
      return liftDoNotCall(command, state);
    case 'RecycleLead':
      return recycleLead(command, state);
    case 'MergeLead':
      return mergeLead(command, state);
    case 'UnmergeLead':
      return unmergeLead(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

function registerLead({ data, metadata }: RegisterLead, state: Lead): LeadEvent[] {
  if (state.kind === 'registered') throw new IllegalStateError('lead.already-registered');
  const registered: LeadEvent = { type: 'LeadRegistered', data: { ...data } };
  const { assignment } = metadata;
  if (data.ownerId !== null || !assignment) return [registered];
  return [registered, { type: 'LeadAssigned', data: { ownerId: assignment.ownerId, previousOwnerId: null, rule: assignment.rule } }];
}

function changeName({ data }: ChangeName, state: RegisteredLead): LeadEvent[] {
  if (data.name === state.name) throw new IllegalStateError('name.unchanged', { field: 'name' });
  return [{ type: 'NameChanged', data: { name: data.name, previousName: state.name } }];
}

function changeContactInfo({ data }: ChangeContactInfo, state: RegisteredLead): LeadEvent[] {
  const issues: FieldIssue[] = [];
  const heldPhones = new Set(state.phones.map((phone) => phone.e164));
  const removedPhones = new Set(data.removePhones);
  data.removePhones.forEach((e164, index) => {
    if (!heldPhones.has(e164)) issues.push({ field: `removePhones.${index}`, code: 'phone.not-held', params: { phone: e164 } });
  });
  data.addPhones.forEach((phone, index) => {
    if (heldPhones.has(phone.e164) && !removedPhones.has(phone.e164)) {
      issues.push({ field: `addPhones.${index}`, code: 'phone.already-held', params: { phone: phone.e164 } });
    }
  });
  const removedEmails = new Set(data.removeEmails);
  data.removeEmails.forEach((email, index) => {
    if (!state.emails.includes(email)) issues.push({ field: `removeEmails.${index}`, code: 'email.not-held', params: { email } });
  });
  data.addEmails.forEach((email, index) => {
    if (state.emails.includes(email) && !removedEmails.has(email)) {
      issues.push({ field: `addEmails.${index}`, code: 'email.already-held', params: { email } });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);

  const phonesLeft = state.phones.length - removedPhones.size + data.addPhones.length;
  const emailsLeft = state.emails.length - removedEmails.size + data.addEmails.length;
  if (phonesLeft + emailsLeft === 0) {
    throw new IllegalStateError('contact.required', { field: 'contact' });
  }
  // A lead that held more before the limit keeps them, and may still drop or swap some.
  if (phonesLeft > LEAD_LIMITS.phones && phonesLeft > state.phones.length) {
    throw new IllegalStateError('phone.too-many', { field: 'addPhones', params: { max: LEAD_LIMITS.phones, held: state.phones.length } });
  }
  if (emailsLeft > LEAD_LIMITS.emails && emailsLeft > state.emails.length) {
    throw new IllegalStateError('email.too-many', { field: 'addEmails', params: { max: LEAD_LIMITS.emails, held: state.emails.length } });
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

function changeStatus({ data, metadata }: ChangeStatus, state: RegisteredLead): LeadEvent[] {
  return moveStatus(state, data.status, data.followUpAt ? { at: data.followUpAt, agentId: null } : null, metadata.now);
}

/** A status change with its follow-up, by the transition rules: for ChangeStatus and for a disposition's effect. */
function moveStatus(state: RegisteredLead, status: LeadStatus, followUp: { at: Date; agentId: string | null } | null, now: Date): LeadEvent[] {
  const followUpAt = followUp?.at ?? null;
  if (status === state.status) throw new IllegalStateError('status.unchanged', { field: 'status', params: { status } });
  if (!ALLOWED_TRANSITIONS[state.status].includes(status)) {
    throw new IllegalStateError(illegalTransition(state.status, status), { field: 'status', params: { from: state.status, to: status } });
  }
  const statusChanged: LeadEvent = { type: 'StatusChanged', data: { from: state.status, to: status } };
  if (status === 'FollowUp') {
    if (!followUpAt) throw new ValidationError([{ field: 'followUpAt', code: 'follow-up.required' }]);
    requireFuture(followUpAt, now, 'followUpAt');
    return [statusChanged, { type: 'FollowUpScheduled', data: { at: followUpAt.toISOString(), previousAt: state.followUpAt, agentId: followUp!.agentId } }];
  }
  if (followUpAt) {
    throw new ValidationError([{ field: 'followUpAt', code: 'follow-up.only-with-status' }]);
  }
  // Moving on from a callback ends it; closing or converting also ends one set on an open lead.
  const endsFollowUp = state.followUpAt !== null && (state.status === 'FollowUp' || status === 'Closed' || status === 'Converted');
  return endsFollowUp
    ? [statusChanged, { type: 'FollowUpCleared', data: { previousAt: state.followUpAt!, reason: 'status-changed' } }]
    : [statusChanged];
}

function illegalTransition(from: LeadStatus, to: LeadStatus): string {
  if (from === 'Converted') return 'status.final';
  if (from === 'Closed' && to === 'Converted') return 'status.reopen-before-converting';
  return 'status.transition-not-allowed';
}

function setFollowUp({ data, metadata }: SetFollowUp, state: RegisteredLead): LeadEvent[] {
  if (state.status === 'Closed' || state.status === 'Converted') {
    throw new IllegalStateError('follow-up.not-allowed', { field: 'at', params: { status: state.status } });
  }
  requireFuture(data.at, metadata.now, 'at');
  const at = data.at.toISOString();
  if (at === state.followUpAt) throw new IllegalStateError('follow-up.unchanged', { field: 'at' });
  return [{ type: 'FollowUpScheduled', data: { at, previousAt: state.followUpAt, agentId: null } }];
}

function clearFollowUp(state: RegisteredLead): LeadEvent[] {
  if (state.followUpAt === null) throw new IllegalStateError('follow-up.none');
  if (state.status === 'FollowUp') throw new IllegalStateError('follow-up.required-in-status');
  return [{ type: 'FollowUpCleared', data: { previousAt: state.followUpAt, reason: 'cleared' } }];
}

function assignLead({ data }: AssignLead, state: RegisteredLead): LeadEvent[] {
  if (data.ownerId === state.ownerId) {
    throw new IllegalStateError(data.ownerId ? 'owner.unchanged' : 'owner.none', { field: 'ownerId' });
  }
  return [{ type: 'LeadAssigned', data: { ownerId: data.ownerId, previousOwnerId: state.ownerId, rule: data.rule ?? null } }];
}

function requireFuture(at: Date, now: Date, field: string): void {
  if (at.getTime() <= now.getTime()) throw new ValidationError([{ field, code: 'follow-up.past' }]);
}
