import { describe, expect, it } from 'vitest';
import { IllegalStateError, NotFoundError, ValidationError } from '@/lib/errors';
import { decide, evolve, initialState, type Lead, type LeadCommand, type LeadEvent, type MergeChoices, type MergedFields, type Phone } from '@/lib/leads';
import { conflictsWith } from '@/lib/leads/conflicts';
import { describeError } from '@/lib/present/error-text';
import { deciderSpec } from '@/lib/testing/decider-spec';

const spec = deciderSpec({ decide, evolve, initialState });
const now = new Date('2026-03-01T10:00:00Z');
const tomorrow = '2026-03-02T09:00:00.000Z';

const survivorId = 'a1111111-1111-4111-8111-111111111111';
const otherId = 'b2222222-2222-4222-8222-222222222222';
const mobile: Phone = { e164: '+447700900123', raw: '07700 900123' };
const landline: Phone = { e164: '+442079460018', raw: '020 7946 0018' };

const registered = (leadId: string, name: string, phones: Phone[], emails: string[], ownerId: string | null): LeadEvent =>
  ({ type: 'LeadRegistered', data: { leadId, name, phones, emails, source: 'web', ownerId } });
const survivorHistory: LeadEvent[] = [registered(survivorId, 'Jane Doe', [mobile], [], 'agent-1')];
const otherHistory: LeadEvent[] = [
  registered(otherId, 'Jane Smith', [landline], ['jane@example.com'], 'agent-2'),
  { type: 'StatusChanged', data: { from: 'Available', to: 'FollowUp' } },
  { type: 'FollowUpScheduled', data: { at: tomorrow, previousAt: null, agentId: 'agent-2' } },
];
const stateOf = (events: LeadEvent[]): Lead => events.reduce(evolve, initialState());

/** The survivor keeps its name and owner, both phones, the other's email and its callback. */
const choices: MergeChoices = {
  name: 'Jane Doe', phones: [mobile.e164, landline.e164], emails: ['jane@example.com'], ownerId: 'agent-1', status: 'FollowUp', followUpAt: tomorrow,
};
const merge = (chosen: Partial<MergeChoices> = {}, absorbed: Lead = stateOf(otherHistory), leadId = otherId): LeadCommand =>
  ({ type: 'MergeLead', data: { mergeId: 'merge-1', leadId, choices: { ...choices, ...chosen } }, metadata: { now, absorbed } });
const unmerge = (mergeId = 'merge-1'): LeadCommand => ({ type: 'UnmergeLead', data: { mergeId }, metadata: { now } });

const fields: MergedFields = { name: 'Jane Doe', phones: [mobile], emails: [], ownerId: 'agent-1', status: 'Available', followUpAt: null, followUpAgentId: null };
const mergedFields: MergedFields = { ...fields, phones: [mobile, landline], emails: ['jane@example.com'], status: 'FollowUp', followUpAt: tomorrow, followUpAgentId: 'agent-2' };
const absorbed = (after: MergedFields): LeadEvent => ({ type: 'LeadAbsorbed', data: { mergeId: 'merge-1', leadId: otherId, name: 'Jane Smith', before: fields, after } });
const mergeEvents: LeadEvent[] = [
  absorbed(mergedFields),
  { type: 'PhoneAdded', data: { phone: landline } },
  { type: 'EmailAdded', data: { email: 'jane@example.com' } },
  { type: 'StatusChanged', data: { from: 'Available', to: 'FollowUp', mergeId: 'merge-1' } },
  { type: 'FollowUpScheduled', data: { at: tomorrow, previousAt: null, agentId: 'agent-2' } },
];
const refusedWith = (message: string | RegExp) => (error: Error) => expect(describeError(error)).toMatch(message);

describe('when a manager merges two leads', () => {
  it('records what the survivor took in, and sets each field to the value chosen', () => {
    spec.given(survivorHistory).when(merge()).then(mergeEvents);
  });

  it('takes the other lead’s name and owner when chosen, and drops a phone nobody chose', () => {
    spec.given(survivorHistory).when(merge({ name: 'Jane Smith', ownerId: 'agent-2', phones: [landline.e164], emails: [], status: 'Available', followUpAt: null })).then([
      absorbed({ ...fields, name: 'Jane Smith', ownerId: 'agent-2', phones: [landline] }),
      { type: 'NameChanged', data: { name: 'Jane Smith', previousName: 'Jane Doe' } },
      { type: 'PhoneRemoved', data: { phone: mobile } },
      { type: 'PhoneAdded', data: { phone: landline } },
      { type: 'LeadAssigned', data: { ownerId: 'agent-2', previousOwnerId: 'agent-1', rule: null } },
    ]);
  });

  it('refuses to merge a lead with itself', () => {
    spec.given(survivorHistory).when(merge({}, stateOf(survivorHistory), survivorId)).thenThrows(IllegalStateError, refusedWith(/itself/));
  });

  it('refuses a lead that does not exist', () => {
    spec.given(survivorHistory).when(merge({}, initialState())).thenThrows(NotFoundError);
  });

  it('refuses choices that neither lead holds, naming each field', () => {
    const chosen = { name: 'Janet', phones: [mobile.e164, '+15550100'], ownerId: 'agent-9', status: 'Closed', followUpAt: '2026-05-01T09:00:00.000Z' } as const;
    spec.given(survivorHistory).when(merge(chosen)).thenThrows(ValidationError, (error) => {
      expect(error.issues.map((issue) => issue.field)).toEqual(['name', 'phones.1', 'ownerId', 'status', 'followUpAt']);
    });
  });

  it('refuses a Follow-up without its callback', () => {
    spec.given(survivorHistory).when(merge({ followUpAt: null })).thenThrows(ValidationError, (error) => expect(error.issues[0]!.field).toBe('followUpAt'));
  });

  it('refuses a merge that would leave the lead with no phone and no email', () => {
    spec.given(survivorHistory).when(merge({ phones: [], emails: [] })).thenThrows(IllegalStateError, (error) => expect(error.field).toBe('phones'));
  });

  it('refuses to take in a lead that was already merged', () => {
    const merged: LeadEvent = { type: 'LeadMergedInto', data: { mergeId: 'merge-0', survivorId: 'c3', survivorName: 'Jane' } };
    spec.given(survivorHistory).when(merge({}, stateOf([...otherHistory, merged]))).thenThrows(IllegalStateError, (error) => expect(error.field).toBe('leadId'));
  });

  it('collides with any change to the survivor it did not see', () => {
    expect(conflictsWith(merge(), { type: 'NoteAdded' })).toBe(true);
    expect(conflictsWith(unmerge(), { type: 'NoteAdded' })).toBe(false);
  });
});

describe('when the lead was merged into another', () => {
  const merged: LeadEvent = { type: 'LeadMergedInto', data: { mergeId: 'merge-1', survivorId, survivorName: 'Jane Doe' } };

  it('refuses every command, saying where it went', () => {
    const rename: LeadCommand = { type: 'ChangeName', data: { name: 'Someone' }, metadata: { now } };
    spec.given([...otherHistory, merged]).when(rename).thenThrows(IllegalStateError, refusedWith(/merged/));
  });

  it('takes commands again once the merge is undone', () => {
    const unmerged: LeadEvent = { type: 'LeadUnmerged', data: { mergeId: 'merge-1', survivorId, status: 'FollowUp' } };
    const rename: LeadCommand = { type: 'ChangeName', data: { name: 'Someone' }, metadata: { now } };
    spec.given([...otherHistory, merged, unmerged]).when(rename).then([{ type: 'NameChanged', data: { name: 'Someone', previousName: 'Jane Smith' } }]);
  });
});

describe('when a manager undoes a merge', () => {
  it('gives back what the merge changed', () => {
    spec.given([...survivorHistory, ...mergeEvents]).when(unmerge()).then([
      { type: 'MergeUndone', data: { mergeId: 'merge-1', leadId: otherId, name: 'Jane Smith' } },
      { type: 'PhoneRemoved', data: { phone: landline } },
      { type: 'EmailRemoved', data: { email: 'jane@example.com' } },
      { type: 'StatusChanged', data: { from: 'FollowUp', to: 'Available', mergeId: 'merge-1' } },
      { type: 'FollowUpCleared', data: { previousAt: tomorrow, reason: 'status-changed' } },
    ]);
  });

  it('keeps what was done to the survivor since', () => {
    const since: LeadEvent[] = [
      { type: 'NoteAdded', data: { noteId: 'n1', text: 'Same person' } },
      { type: 'StatusChanged', data: { from: 'FollowUp', to: 'Converted' } },
      { type: 'FollowUpCleared', data: { previousAt: tomorrow, reason: 'status-changed' } },
    ];
    spec.given([...survivorHistory, ...mergeEvents, ...since]).when(unmerge()).then([
      { type: 'MergeUndone', data: { mergeId: 'merge-1', leadId: otherId, name: 'Jane Smith' } },
      { type: 'PhoneRemoved', data: { phone: landline } },
      { type: 'EmailRemoved', data: { email: 'jane@example.com' } },
    ]);
  });

  it('refuses once the survivor has been part of another merge since', () => {
    const second: LeadEvent = { type: 'LeadAbsorbed', data: { mergeId: 'merge-2', leadId: 'c3', name: 'J. Doe', before: mergedFields, after: mergedFields } };
    spec.given([...survivorHistory, ...mergeEvents, second]).when(unmerge()).thenThrows(IllegalStateError, refusedWith(/another merge/));
  });

  it('refuses a merge already undone', () => {
    const undone: LeadEvent = { type: 'MergeUndone', data: { mergeId: 'merge-1', leadId: otherId, name: 'Jane Smith' } };
    spec.given([...survivorHistory, ...mergeEvents, undone]).when(unmerge()).thenThrows(IllegalStateError, (error) => expect(error.field).toBe('mergeId'));
  });
});
