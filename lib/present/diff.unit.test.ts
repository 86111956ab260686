import { describe, expect, it } from 'vitest';
import { diffLeads } from './diff';
import { evolve, initialState, type Lead, type LeadEvent, type RegisteredLead } from '@/lib/leads/lead';

const landline = { e164: '+442079460018', raw: '020 7946 0018' };
const mobile = { e164: '+447911123456', raw: '07911 123456' };
const registered: LeadEvent = {
  type: 'LeadRegistered',
  data: { leadId: 'lead-1', name: 'Stefan Ivanov', phones: [landline], emails: ['stefan@example.com'], source: 'web', ownerId: 'ana' },
};

const stateAfter = (events: readonly LeadEvent[]): Lead => events.reduce(evolve, initialState());
/** The lead as registered (the tests below edit its fields by hand). */
const registeredLead = (): RegisteredLead => {
  const lead = stateAfter([registered]);
  if (lead.kind !== 'registered') throw new Error('not registered');
  return lead;
};

/** Given the lead's history, when these events follow, then diffLeads(before, after) is ... */
const given = (history: readonly LeadEvent[]) => ({
  when: (...later: LeadEvent[]) => diffLeads(stateAfter(history), stateAfter([...history, ...later])),
});

describe('comparing two states of a lead', () => {
  describe('when nothing a user sees changed', () => {
    it('reports no change for notes and call outcomes', () => {
      expect(
        given([registered]).when({ type: 'NoteAdded', data: { noteId: 'n-1', text: 'Hi' } }, { type: 'CallOutcomeRecorded', data: { outcome: 'busy', phone: null, at: null, contact: false, notes: null, agentId: null } }),
      ).toEqual([]);
    });

    it('reports no change when a phone was removed and added again typed differently', () => {
      const retyped = { e164: landline.e164, raw: '+44 20 7946 0018' };
      expect(given([registered]).when({ type: 'PhoneRemoved', data: { phone: landline } }, { type: 'PhoneAdded', data: { phone: retyped } })).toEqual([]);
    });

    it('reports no change when the same emails are listed in another order', () => {
      const before = { ...registeredLead(), emails: ['a@example.com', 'b@example.com'] };
      expect(diffLeads(before, { ...before, emails: ['b@example.com', 'a@example.com'] })).toEqual([]);
    });

    it('reports no change for one follow-up time written two ways', () => {
      const before = { ...registeredLead(), followUpAt: '2026-03-02T09:00:00.000Z' };
      expect(diffLeads(before, { ...before, followUpAt: '2026-03-02T10:00:00+01:00' })).toEqual([]);
    });
  });

  describe('when the name changed', () => {
    it('reports the old and the new name', () => {
      expect(given([registered]).when({ type: 'NameChanged', data: { name: 'Stefan P. Ivanov', previousName: 'Stefan Ivanov' } })).toEqual([
        { field: 'name', from: 'Stefan Ivanov', to: 'Stefan P. Ivanov' },
      ]);
    });

    it('reports nothing when it was changed back', () => {
      expect(
        given([registered]).when(
          { type: 'NameChanged', data: { name: 'S. Ivanov', previousName: 'Stefan Ivanov' } },
          { type: 'NameChanged', data: { name: 'Stefan Ivanov', previousName: 'S. Ivanov' } },
        ),
      ).toEqual([]);
    });
  });

  describe('when contact details changed', () => {
    it('reports the phones added and removed, with both lists', () => {
      expect(given([registered]).when({ type: 'PhoneAdded', data: { phone: mobile } }, { type: 'PhoneRemoved', data: { phone: landline } })).toEqual([
        { field: 'phones', from: [landline], to: [mobile], added: [mobile], removed: [landline] },
      ]);
    });

    it('reports an added email', () => {
      expect(given([registered]).when({ type: 'EmailAdded', data: { email: 's.ivanov@work.example' } })).toEqual([
        { field: 'emails', from: ['stefan@example.com'], to: ['stefan@example.com', 's.ivanov@work.example'], added: ['s.ivanov@work.example'], removed: [] },
      ]);
    });
  });

  describe('when the lead was put on follow-up and reassigned', () => {
    it('reports status, follow-up time and owner, in that order', () => {
      expect(
        given([registered]).when(
          { type: 'LeadAssigned', data: { ownerId: 'ben', previousOwnerId: 'ana', rule: null } },
          { type: 'StatusChanged', data: { from: 'Available', to: 'FollowUp' } },
          { type: 'FollowUpScheduled', data: { at: '2026-03-02T09:00:00.000Z', previousAt: null, agentId: null } },
        ),
      ).toEqual([
        { field: 'status', from: 'Available', to: 'FollowUp' },
        { field: 'followUpAt', from: null, to: '2026-03-02T09:00:00.000Z' },
        { field: 'ownerId', from: 'ana', to: 'ben' },
      ]);
    });
  });

  describe('when the earlier state is before the lead was registered', () => {
    it('reports every field the registration set, against an empty lead', () => {
      expect(diffLeads(initialState(), stateAfter([registered]))).toEqual([
        { field: 'name', from: '', to: 'Stefan Ivanov' },
        { field: 'phones', from: [], to: [landline], added: [landline], removed: [] },
        { field: 'emails', from: [], to: ['stefan@example.com'], added: ['stefan@example.com'], removed: [] },
        { field: 'ownerId', from: null, to: 'ana' },
        { field: 'source', from: '', to: 'web' },
      ]);
    });
  });

  describe('when the states are given the other way round', () => {
    it('reports the changes reversed', () => {
      const before = stateAfter([registered]);
      const after = stateAfter([registered, { type: 'PhoneAdded', data: { phone: mobile } }, { type: 'StatusChanged', data: { from: 'Available', to: 'Closed' } }]);
      expect(diffLeads(after, before)).toEqual([
        { field: 'phones', from: [landline, mobile], to: [landline], added: [], removed: [mobile] },
        { field: 'status', from: 'Closed', to: 'Available' },
      ]);
    });
  });
});
