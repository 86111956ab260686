// Erasing the person's data from a lead (docs/erasure.md): the decision only. Carrying it out (the
// key deleted, the read models scrubbed, in the same statement as this event) is the erasure
// service's (lib/erasure/erase-service.ts); who may ask for it is checked at that edge.
import { IllegalStateError } from '@/lib/errors';
import type { LeadEvent, RegisteredLead } from './lead';
import type { CommandMetadata } from './decide';

export type ErasePersonalData = { readonly type: 'ErasePersonalData'; readonly data: { readonly reason: string }; readonly metadata: CommandMetadata };

/**
 * What an erased lead still takes: its status, callback, owner, time zone and do-not-call wish (no
 * personal value among them). Names, contacts, notes, calls and merges would bring a person's data
 * back, and are refused.
 */
const AFTER_ERASURE = new Set(['ChangeStatus', 'SetFollowUp', 'ClearFollowUp', 'AssignLead', 'SetTimeZone', 'RequestDoNotCall', 'LiftDoNotCall', 'RecycleLead']);

/** Refuses a command an erased lead does not take. */
export function refuseIfErased(command: { type: string }, state: RegisteredLead): void {
  if (!state.erased || AFTER_ERASURE.has(command.type)) return;
  throw new IllegalStateError(command.type === 'ErasePersonalData' ? 'lead.already-erased' : 'lead.erased');
}

export function erasePersonalData({ data }: ErasePersonalData, state: RegisteredLead): LeadEvent[] {
  return [{
    type: 'PersonalDataErased',
    data: { reason: data.reason, phones: state.phones.length, emails: state.emails.length, wrongPhones: state.wrongPhones.length },
  }];
}
