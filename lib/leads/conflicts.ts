// "Optimistic on steroids": when an agent acted on an old version of a lead, the events they had
// not seen are checked against their command. Only a real collision is refused; anything else is
// decided again on the current state. Rule of thumb: edits of the same field collide; status and
// follow-up are one field for this purpose (seed 000: SetFollowup + StatusChanged => collision,
// ChangeName + StatusChanged => fine).
import type { LeadCommand } from './decide';
import { LEAD_EVENT_SCHEMAS, type LeadEventType } from './lead';

const PHONE_EVENTS: readonly LeadEventType[] = ['PhoneAdded', 'PhoneRemoved'];
const EMAIL_EVENTS: readonly LeadEventType[] = ['EmailAdded', 'EmailRemoved'];
/** A merge decides every field of both leads: any change it did not see collides with it. */
const EVERY_EVENT = Object.keys(LEAD_EVENT_SCHEMAS) as LeadEventType[];
const SCHEDULE_EVENTS: readonly LeadEventType[] = ['StatusChanged', 'FollowUpScheduled', 'FollowUpCleared'];

/** The event types that, written after the version a command was based on, collide with it. */
export function collidingEventTypes(command: LeadCommand): readonly LeadEventType[] {
  switch (command.type) {
    case 'RegisterLead':
      return ['LeadRegistered'];
    case 'ChangeName':
      return ['NameChanged'];
    case 'ChangeContactInfo': {
      const { addPhones, removePhones, addEmails, removeEmails } = command.data;
      const touchesPhones = addPhones.length + removePhones.length > 0;
      const touchesEmails = addEmails.length + removeEmails.length > 0;
      return [...(touchesPhones ? PHONE_EVENTS : []), ...(touchesEmails ? EMAIL_EVENTS : [])];
    }
    case 'ChangeStatus':
    case 'SetFollowUp':
    case 'ClearFollowUp':
      return SCHEDULE_EVENTS;
    case 'AssignLead':
      return ['LeadAssigned'];
    case 'AddNote':
    case 'RecordCallOutcome':
    case 'ClaimLead':
    case 'SkipLead':
      return []; // notes and calls only add to the record; claims are decided on the current state
    case 'SetTimeZone':
      return ['TimeZoneSet'];
    case 'RequestDoNotCall':
    case 'LiftDoNotCall':
      return ['DoNotCallRequested', 'DoNotCallLifted'];
    case 'RecycleLead':
      return ['LeadRecycled', 'AttemptsExhausted'];
    case 'MergeLead':
      return EVERY_EVENT;
    case 'UnmergeLead':
      return []; // undoing keeps what was done since; a later merge is refused by the rules themselves
    case 'ErasePersonalData':
      return []; // the person's data goes, whatever was changed since
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

export function conflictsWith(command: LeadCommand, event: { type: string }): boolean {
  return collidingEventTypes(command).includes(event.type as LeadEventType);
}
