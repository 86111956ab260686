import { describe, expect, it } from 'vitest';
import { IllegalStateError, NotFoundError } from '@/lib/errors';
import { decide, evolve, initialState, type Lead, type LeadCommand, type LeadEvent, type Phone } from '@/lib/leads';
import { describeError } from '@/lib/present/error-text';
import { deciderSpec } from '@/lib/testing/decider-spec';

const spec = deciderSpec({ decide, evolve, initialState });
const now = new Date('2026-03-01T10:00:00Z');
const tomorrow = new Date('2026-03-02T09:00:00Z');
const leadId = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';
const mobile: Phone = { e164: '+447700900123', raw: '07700 900123' };
const landline: Phone = { e164: '+442079460018', raw: '020 7946 0018' };

const command = (type: string, data: object): LeadCommand => ({ type, data, metadata: { now } }) as LeadCommand;
const erase = command('ErasePersonalData', { reason: 'The person asked (ticket 4411)' });

const registered: LeadEvent = { type: 'LeadRegistered', data: { leadId, name: 'Jane Doe', phones: [mobile, landline], emails: ['jane@example.com'], source: 'web', ownerId: null } };
const wrongNumber: LeadEvent = { type: 'PhoneMarkedWrong', data: { phone: landline.e164 } };
const erased: LeadEvent = { type: 'PersonalDataErased', data: { reason: 'The person asked (ticket 4411)', phones: 2, emails: 1, wrongPhones: 1 } };
const refusedWith = (message: RegExp) => (error: Error) => expect(describeError(error)).toMatch(message);

describe('when the lead is registered', () => {
  it('erases the person\u2019s data, counting what the lead holds so it keeps its shape', () => {
    spec.given([registered, wrongNumber]).when(erase).then([erased]);
  });

  it('rejects erasing a lead that does not exist', () => {
    spec.given([]).when(erase).thenThrows(NotFoundError);
  });
});

describe('when the person\u2019s data was erased', () => {
  const history = [registered, wrongNumber, erased];

  it('holds [erased] for the name, each phone, email and wrong number, and keeps the status', () => {
    const state = history.reduce(evolve, initialState()) as Extract<Lead, { kind: 'registered' }>;
    expect(state).toMatchObject({
      erased: true, name: '[erased]', status: 'Available', source: 'web',
      phones: [{ e164: '[erased]', raw: '[erased]' }, { e164: '[erased]', raw: '[erased]' }], emails: ['[erased]'], wrongPhones: ['[erased]'],
    });
  });

  it('rejects erasing it again', () => {
    spec.given(history).when(erase).thenThrows(IllegalStateError, refusedWith(/erased already/));
  });

  it.each([
    command('ChangeName', { name: 'Jane Smith' }),
    command('ChangeContactInfo', { addPhones: [mobile], removePhones: [], addEmails: [], removeEmails: [] }),
    command('AddNote', { noteId: 'note-1', text: 'She called back' }),
    command('RecordCallOutcome', { outcome: 'no-answer', phone: null, notes: null, callbackAt: null, agentId: null }),
  ])('rejects $type, which would bring personal data back', (refused) => {
    spec.given(history).when(refused).thenThrows(IllegalStateError, refusedWith(/erased: the lead takes status/));
  });

  it('still takes a status change and a callback', () => {
    spec.given(history).when(command('ChangeStatus', { status: 'Closed', followUpAt: null })).then([{ type: 'StatusChanged', data: { from: 'Available', to: 'Closed' } }]);
    spec.given(history).when(command('SetFollowUp', { at: tomorrow })).then([
      { type: 'FollowUpScheduled', data: { at: tomorrow.toISOString(), previousAt: null, agentId: null } },
    ]);
  });

  it('folds the same from events replayed after the key is gone as from the live ones', () => {
    const replayed: LeadEvent[] = [
      { type: 'LeadRegistered', data: { ...registered.data as object, name: '[erased]', phones: [{ e164: '[erased]', raw: '[erased]' }, { e164: '[erased]', raw: '[erased]' }], emails: ['[erased]'] } as never },
      { type: 'PhoneMarkedWrong', data: { phone: '[erased]' } },
      erased,
    ];
    expect(replayed.reduce(evolve, initialState())).toEqual(history.reduce(evolve, initialState()));
  });
});
