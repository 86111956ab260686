import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from './history-lines';
import { restoreChoices, type LeadNowFields } from './restore-choices';

const names: Record<string, string> = { ana: 'Ana Lima', ben: 'Ben Okafor' };
const now = new Date('2026-11-20T12:00:00.000Z');
const later = '2026-11-25T09:00:00.000Z';
const earlier = '2026-11-19T09:00:00.000Z';
const mobile = { e164: '+447911123456', raw: '+44 (0)7911 123456' };
const landline = { e164: '+442079460018', raw: '020 7946 0018' };
const lead: LeadNowFields = { name: 'Ana Lopez', phones: [landline], emails: ['ana@work.example'], status: 'Available', followUpAt: null, ownerId: 'ana' };

/** Given the lead as it is now, when one line of its history (these events) is shown, then it offers… */
const given = (fields: Partial<LeadNowFields>) => ({
  when: (...events: [string, unknown][]) => {
    const line = events.map(([type, data], index): HistoryEvent => ({ version: index + 2, type, data, actor: 'ben', occurredAt: '2026-11-20T09:30:00.000Z', commandId: 'c' }));
    return restoreChoices(line, { current: { ...lead, ...fields }, nameOf: (id) => names[id], region: 'GB', now });
  },
});
const offers = (choices: ReturnType<ReturnType<typeof given>['when']>) => choices.map(({ label, command }) => ({ label, command }));

describe('when the name was changed', () => {
  it('offers the previous name', () => {
    expect(offers(given({ name: 'Ana Lopez-Diaz' }).when(['NameChanged', { name: 'Ana Lopez-Diaz', previousName: 'Ana Lopez' }]))).toEqual([
      { label: 'Restore name “Ana Lopez”', command: { type: 'ChangeName', data: { name: 'Ana Lopez' } } },
    ]);
  });

  it('offers nothing when the lead has that name again', () => {
    expect(given({ name: 'Ana Lopez' }).when(['NameChanged', { name: 'Ana Lopez-Diaz', previousName: 'Ana Lopez' }])).toEqual([]);
  });
});

describe('when the lead was assigned', () => {
  it('offers the previous owner, named, or nobody', () => {
    expect(offers(given({ ownerId: 'ana' }).when(['LeadAssigned', { ownerId: 'ana', previousOwnerId: 'ben', rule: null }]))).toEqual([
      { label: 'Restore owner Ben Okafor', command: { type: 'AssignLead', data: { ownerId: 'ben' } } },
    ]);
    expect(offers(given({ ownerId: 'ana' }).when(['LeadAssigned', { ownerId: 'ana', previousOwnerId: null, rule: null }]))).toEqual([
      { label: 'Restore owner nobody', command: { type: 'AssignLead', data: { ownerId: null } } },
    ]);
  });

  it('offers nothing when the previous owner holds the lead again', () => {
    expect(given({ ownerId: 'ben' }).when(['LeadAssigned', { ownerId: 'ana', previousOwnerId: 'ben', rule: null }])).toEqual([]);
  });
});

describe('when the status was changed', () => {
  it('offers the previous status where the lead may move back to it', () => {
    expect(offers(given({ status: 'Closed' }).when(['StatusChanged', { from: 'Available', to: 'Closed' }]))).toEqual([
      { label: 'Restore status Available', command: { type: 'ChangeStatus', data: { status: 'Available' } } },
    ]);
  });

  it('offers nothing when the lead has that status again, or may not move to it', () => {
    expect(given({ status: 'Available' }).when(['StatusChanged', { from: 'Available', to: 'Closed' }])).toEqual([]);
    expect(given({ status: 'Converted' }).when(['StatusChanged', { from: 'Available', to: 'Converted' }])).toEqual([]);
    expect(given({ status: 'Closed' }).when(['StatusChanged', { from: 'Converted', to: 'Closed' }])).toEqual([]);
  });

  it('puts Follow-up back with the callback it ended, while that is still ahead', () => {
    const leftFollowUp = (at: string) => given({ status: 'Closed' }).when(['StatusChanged', { from: 'FollowUp', to: 'Closed' }], ['FollowUpCleared', { previousAt: at, reason: 'status-changed' }]);
    expect(offers(leftFollowUp(later))).toEqual([
      { label: 'Restore status Follow-up (callback 25 Nov 2026, 09:00 UTC)', command: { type: 'ChangeStatus', data: { status: 'FollowUp', followUpAt: later } } },
    ]);
    expect(leftFollowUp(earlier)).toEqual([]);
  });

  it('offers no callback of its own for the callback a status change set or ended', () => {
    const labels = given({ status: 'FollowUp', followUpAt: later }).when(['StatusChanged', { from: 'Available', to: 'FollowUp' }], ['FollowUpScheduled', { at: later, previousAt: null, agentId: null }]).map((choice) => choice.label);
    expect(labels).toEqual(['Restore status Available']);
  });
});

describe('when the callback was moved or cleared', () => {
  const moved = ['FollowUpScheduled', { at: later, previousAt: '2026-11-22T10:00:00.000Z', agentId: null }] as [string, unknown];

  it('offers the previous time while it is still ahead', () => {
    expect(offers(given({ followUpAt: later }).when(moved))).toEqual([
      { label: 'Restore callback 22 Nov 2026, 10:00 UTC', command: { type: 'SetFollowUp', data: { at: '2026-11-22T10:00:00.000Z' } } },
    ]);
    expect(offers(given({ followUpAt: null }).when(['FollowUpCleared', { previousAt: later, reason: 'cleared' }]))).toEqual([
      { label: 'Restore callback 25 Nov 2026, 09:00 UTC', command: { type: 'SetFollowUp', data: { at: later } } },
    ]);
  });

  it('offers nothing for a time gone by, a first callback, or the callback the lead has now', () => {
    expect(given({ followUpAt: later }).when(['FollowUpScheduled', { at: later, previousAt: earlier, agentId: null }])).toEqual([]);
    expect(given({ followUpAt: later }).when(['FollowUpScheduled', { at: later, previousAt: null, agentId: null }])).toEqual([]);
    expect(given({ followUpAt: '2026-11-22T10:00:00.000Z' }).when(moved)).toEqual([]);
  });
});

describe('when phones or emails were changed', () => {
  it('adds back a removed phone, shown as read, and removes an added one', () => {
    expect(offers(given({ phones: [landline] }).when(['PhoneRemoved', { phone: mobile }]))).toEqual([
      { label: 'Add back phone 07911 123456', command: { type: 'ChangeContactInfo', data: { addPhones: ['+447911123456'] } } },
    ]);
    expect(offers(given({ phones: [landline, mobile] }).when(['PhoneAdded', { phone: mobile }]))).toEqual([
      { label: 'Remove added phone 07911 123456', command: { type: 'ChangeContactInfo', data: { removePhones: ['+447911123456'] } } },
    ]);
  });

  it('puts a replaced value back as one replacement', () => {
    expect(offers(given({ phones: [landline] }).when(['PhoneRemoved', { phone: mobile }], ['PhoneAdded', { phone: landline }]))).toEqual([
      { label: 'Restore phone 07911 123456 instead of 020 7946 0018', command: { type: 'ChangeContactInfo', data: { addPhones: ['+447911123456'], removePhones: ['+442079460018'] } } },
    ]);
    expect(offers(given({ emails: ['ana@work.example'] }).when(['EmailRemoved', { email: 'ana@home.example' }], ['EmailAdded', { email: 'ana@work.example' }]))).toEqual([
      { label: 'Restore email ana@home.example instead of ana@work.example', command: { type: 'ChangeContactInfo', data: { addEmails: ['ana@home.example'], removeEmails: ['ana@work.example'] } } },
    ]);
  });

  it('offers nothing for a value the lead holds again, or no longer holds', () => {
    expect(given({ phones: [mobile] }).when(['PhoneRemoved', { phone: mobile }])).toEqual([]);
    expect(given({ emails: [] }).when(['EmailAdded', { email: 'ana@work.example' }])).toEqual([]);
  });
});

describe('when the line is not a change of a field', () => {
  it('offers nothing', () => {
    expect(
      given({}).when(
        ['LeadRegistered', { leadId: 'x', name: 'Ana Lopez', phones: [landline], emails: [], source: 'web', ownerId: null }],
        ['NoteAdded', { noteId: 'n', text: 'Prefers mornings' }],
        ['CallOutcomeRecorded', { outcome: 'no-answer', notes: null, phone: landline.e164 }],
      ),
    ).toEqual([]);
  });
});
