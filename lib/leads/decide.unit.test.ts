import { describe, expect, it } from 'vitest';
import { IllegalStateError, NotFoundError, ValidationError } from '@/lib/errors';
import { decide, evolve, initialState, type Lead, type LeadCommand, type LeadEvent, type LeadStatus, type Phone } from '@/lib/leads';
import { describeError } from '@/lib/present/error-text';
import { deciderSpec } from '@/lib/testing/decider-spec';

const spec = deciderSpec({ decide, evolve, initialState });

const now = new Date('2026-03-01T10:00:00Z');
const tomorrow = new Date('2026-03-02T09:00:00Z');
const nextWeek = new Date('2026-03-08T09:00:00Z');
const yesterday = new Date('2026-02-28T09:00:00Z');

const leadId = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';
const mobile: Phone = { e164: '+447700900123', raw: '07700 900123' };
const landline: Phone = { e164: '+442079460018', raw: '020 7946 0018' };
const email = 'jane@example.com';

type CommandOf<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>;
const command = <T extends LeadCommand['type']>(type: T, data: CommandOf<T>['data']): LeadCommand =>
  ({ type, data, metadata: { now } }) as LeadCommand;

const registration = { leadId, name: 'Jane Doe', phones: [mobile], emails: [email], source: 'manual', ownerId: null };
const registered: LeadEvent = { type: 'LeadRegistered', data: registration };
const registeredWithPhoneOnly: LeadEvent = { type: 'LeadRegistered', data: { ...registration, emails: [] } };
const statusChanged = (from: LeadStatus, to: LeadStatus): LeadEvent => ({ type: 'StatusChanged', data: { from, to } });
const scheduled = (at: Date, previousAt: Date | null = null): LeadEvent => ({
  type: 'FollowUpScheduled',
  data: { at: at.toISOString(), previousAt: previousAt?.toISOString() ?? null, agentId: null },
});
const cleared = (previousAt: Date, reason: 'cleared' | 'status-changed'): LeadEvent => ({
  type: 'FollowUpCleared',
  data: { previousAt: previousAt.toISOString(), reason },
});

/** A registered lead in each status; one in Follow-up has a callback tomorrow. */
const leadIn: Record<LeadStatus, LeadEvent[]> = {
  Available: [registered],
  FollowUp: [registered, statusChanged('Available', 'FollowUp'), scheduled(tomorrow)],
  Closed: [registered, statusChanged('Available', 'Closed')],
  Converted: [registered, statusChanged('Available', 'Converted')],
};
const availableWithFollowUp = [registered, scheduled(tomorrow)];
const contactChange = (change: Partial<CommandOf<'ChangeContactInfo'>['data']>) =>
  command('ChangeContactInfo', { addPhones: [], removePhones: [], addEmails: [], removeEmails: [], ...change });
const issuesOn = (...fields: string[]) => (error: ValidationError) => expect(error.issues.map((issue) => issue.field)).toEqual(fields);
const refusedOn = (field: string) => (error: IllegalStateError) => expect(error.field).toBe(field);
/** Refused, and worded at the edge (lib/present/error-text.ts) as the user reads it. */
const refusedWith = (message: string | RegExp) => (error: Error) => expect(describeError(error)).toMatch(message);

describe('when the lead is not registered', () => {
  it('registers a new lead nobody named an owner for, and assigns it by the rule the command carries', () => {
    const assigned = { type: 'RegisterLead', data: registration, metadata: { now, assignment: { ownerId: 'agent-2', rule: 'round-robin:manual' } } } as LeadCommand;
    spec.given([]).when(assigned).then([registered, { type: 'LeadAssigned', data: { ownerId: 'agent-2', previousOwnerId: null, rule: 'round-robin:manual' } }]);
    const named = { type: 'RegisterLead', data: { ...registration, ownerId: 'agent-1' }, metadata: { now, assignment: { ownerId: 'agent-2', rule: 'round-robin:manual' } } } as LeadCommand;
    spec.given([]).when(named).then([{ type: 'LeadRegistered', data: { ...registration, ownerId: 'agent-1' } }]);
  });

  it('registers a new lead', () => {
    spec.given([]).when(command('RegisterLead', registration)).then([registered]);
  });

  it.each([
    command('ChangeName', { name: 'Jo' }),
    contactChange({ addEmails: ['jo@example.com'] }),
    command('ChangeStatus', { status: 'Closed', followUpAt: null }),
    command('SetFollowUp', { at: tomorrow }),
    command('ClearFollowUp', {}),
    command('AssignLead', { ownerId: 'agent-1' }),
    command('AddNote', { noteId: 'note-1', text: 'Hello' }),
    command('RecordCallOutcome', { outcome: 'no-answer', phone: null, notes: null, callbackAt: null, agentId: null }),
  ])('rejects $type as not found', (cmd) => {
    spec.given([]).when(cmd).thenThrows(NotFoundError);
  });
});

describe('when the lead is registered', () => {
  it('rejects registering it again', () => {
    spec.given([registered]).when(command('RegisterLead', registration)).thenThrows(IllegalStateError);
  });

  describe('changing the name', () => {
    it('records the new name with the previous one', () => {
      spec.given([registered]).when(command('ChangeName', { name: 'Jane Smith' })).then([
        { type: 'NameChanged', data: { name: 'Jane Smith', previousName: 'Jane Doe' } },
      ]);
    });

    it('rejects an unchanged name', () => {
      spec.given([registered]).when(command('ChangeName', { name: 'Jane Doe' })).thenThrows(IllegalStateError, refusedOn('name'));
    });
  });

  describe('changing contact info', () => {
    it('adds a phone and an email', () => {
      spec.given([registered]).when(contactChange({ addPhones: [landline], addEmails: ['jane@work.example'] })).then([
        { type: 'PhoneAdded', data: { phone: landline } },
        { type: 'EmailAdded', data: { email: 'jane@work.example' } },
      ]);
    });

    it('removes a phone named by its E.164, recording the phone as it was typed', () => {
      spec.given([registered]).when(contactChange({ removePhones: [mobile.e164] })).then([{ type: 'PhoneRemoved', data: { phone: mobile } }]);
    });

    it('replaces a phone and an email in one command', () => {
      spec
        .given([registered])
        .when(contactChange({ removePhones: [mobile.e164], addPhones: [landline], removeEmails: [email], addEmails: ['jd@example.com'] }))
        .then([
          { type: 'PhoneRemoved', data: { phone: mobile } },
          { type: 'PhoneAdded', data: { phone: landline } },
          { type: 'EmailRemoved', data: { email } },
          { type: 'EmailAdded', data: { email: 'jd@example.com' } },
        ]);
    });

    it('allows re-adding a phone removed in the same command', () => {
      const retyped: Phone = { e164: mobile.e164, raw: '+44 7700 900123' };
      spec.given([registered]).when(contactChange({ removePhones: [mobile.e164], addPhones: [retyped] })).then([
        { type: 'PhoneRemoved', data: { phone: mobile } },
        { type: 'PhoneAdded', data: { phone: retyped } },
      ]);
    });

    it('rejects adding a phone the lead already has', () => {
      const sameNumber: Phone = { e164: mobile.e164, raw: '+44 7700 900123' };
      spec.given([registered]).when(contactChange({ addPhones: [sameNumber] })).thenThrows(ValidationError, issuesOn('addPhones.0'));
    });

    it('rejects removing a phone the lead does not have', () => {
      spec.given([registered]).when(contactChange({ removePhones: [landline.e164] })).thenThrows(ValidationError, issuesOn('removePhones.0'));
    });

    it('names every bad phone and email at once', () => {
      spec
        .given([registered])
        .when(contactChange({ addPhones: [landline, mobile], removeEmails: ['nobody@example.com'], addEmails: [email] }))
        .thenThrows(ValidationError, issuesOn('addPhones.1', 'removeEmails.0', 'addEmails.0'));
    });

    it('rejects removing the last contact', () => {
      spec.given([registeredWithPhoneOnly]).when(contactChange({ removePhones: [mobile.e164] })).thenThrows(IllegalStateError, refusedOn('contact'));
    });

    it('rejects removing every phone and email at once', () => {
      spec.given([registered]).when(contactChange({ removePhones: [mobile.e164], removeEmails: [email] })).thenThrows(IllegalStateError);
    });

    describe('when the lead holds 10 phones and 10 emails, the most it may', () => {
      const phoneNumber = (i: number): Phone => ({ e164: `+4479111234${String(i).padStart(2, '0')}`, raw: `07911 1234${String(i).padStart(2, '0')}` });
      const address = (i: number) => `jane${i}@example.com`;
      const full: LeadEvent = {
        type: 'LeadRegistered',
        data: { ...registration, phones: Array.from({ length: 10 }, (_, i) => phoneNumber(i)), emails: Array.from({ length: 10 }, (_, i) => address(i)) },
      };

      it('rejects an 11th phone, saying how many it holds', () => {
        spec.given([full]).when(contactChange({ addPhones: [phoneNumber(10)] })).thenThrows(IllegalStateError, (error) => {
          expect(error.field).toBe('addPhones');
          expect(describeError(error)).toBe('A lead holds at most 10 phones, and this one has 10: remove one first');
        });
      });

      it('rejects an 11th email', () => {
        spec.given([full]).when(contactChange({ addEmails: [address(10)] })).thenThrows(IllegalStateError, refusedOn('addEmails'));
      });

      it('still replaces a phone and an email: the lead keeps 10 of each', () => {
        spec
          .given([full])
          .when(contactChange({ removePhones: [phoneNumber(0).e164], addPhones: [phoneNumber(10)], removeEmails: [address(0)], addEmails: [address(10)] }))
          .then([
            { type: 'PhoneRemoved', data: { phone: phoneNumber(0) } },
            { type: 'PhoneAdded', data: { phone: phoneNumber(10) } },
            { type: 'EmailRemoved', data: { email: address(0) } },
            { type: 'EmailAdded', data: { email: address(10) } },
          ]);
      });
    });

    describe('when the lead holds more phones than the limit (stored before there was one)', () => {
      const phones = Array.from({ length: 12 }, (_, i): Phone => ({ e164: `+4479111235${String(i).padStart(2, '0')}`, raw: `07911 1235${String(i).padStart(2, '0')}` }));
      const crowded: LeadEvent = { type: 'LeadRegistered', data: { ...registration, phones } };

      it('may drop or swap phones, but not add to them', () => {
        spec.given([crowded]).when(contactChange({ removePhones: [phones[0]!.e164] })).then([{ type: 'PhoneRemoved', data: { phone: phones[0]! } }]);
        spec.given([crowded]).when(contactChange({ removePhones: [phones[0]!.e164], addPhones: [landline] })).then([
          { type: 'PhoneRemoved', data: { phone: phones[0]! } },
          { type: 'PhoneAdded', data: { phone: landline } },
        ]);
        spec.given([crowded]).when(contactChange({ addPhones: [landline] })).thenThrows(IllegalStateError, refusedOn('addPhones'));
      });
    });
  });

  describe('changing the status', () => {
    it.each<[LeadStatus, LeadStatus, LeadEvent[]]>([
      ['Available', 'FollowUp', [scheduled(nextWeek, null)]],
      ['Available', 'Closed', []],
      ['Available', 'Converted', []],
      ['FollowUp', 'Available', [cleared(tomorrow, 'status-changed')]],
      ['FollowUp', 'Closed', [cleared(tomorrow, 'status-changed')]],
      ['FollowUp', 'Converted', [cleared(tomorrow, 'status-changed')]],
      ['Closed', 'Available', []],
      ['Closed', 'FollowUp', [scheduled(nextWeek, null)]],
    ])('moves a lead from %s to %s', (from, to, followUpEvents) => {
      const followUpAt = to === 'FollowUp' ? nextWeek : null;
      spec.given(leadIn[from]).when(command('ChangeStatus', { status: to, followUpAt })).then([statusChanged(from, to), ...followUpEvents]);
    });

    it.each<[LeadStatus, LeadStatus, string]>([
      ['Closed', 'Converted', 'Reopen a closed lead (Available or Follow-up) before converting it'],
      ['Converted', 'Available', 'A converted lead is final: its status cannot change'],
      ['Converted', 'FollowUp', 'A converted lead is final: its status cannot change'],
      ['Converted', 'Closed', 'A converted lead is final: its status cannot change'],
    ])('rejects moving a lead from %s to %s', (from, to, message) => {
      const followUpAt = to === 'FollowUp' ? nextWeek : null;
      spec.given(leadIn[from]).when(command('ChangeStatus', { status: to, followUpAt })).thenThrows(IllegalStateError, (error) => {
        expect(describeError(error)).toBe(message);
        expect(error.field).toBe('status');
      });
    });

    it.each<LeadStatus>(['Available', 'FollowUp', 'Closed', 'Converted'])('rejects moving a %s lead to the status it has', (status) => {
      const followUpAt = status === 'FollowUp' ? nextWeek : null;
      spec.given(leadIn[status]).when(command('ChangeStatus', { status, followUpAt })).thenThrows(IllegalStateError, refusedWith(/^The lead is already /));
    });

    it('rejects Follow-up without a follow-up date', () => {
      spec.given([registered]).when(command('ChangeStatus', { status: 'FollowUp', followUpAt: null })).thenThrows(ValidationError, issuesOn('followUpAt'));
    });

    it.each([
      ['in the past', yesterday],
      ['right now', now],
    ])('rejects Follow-up with a date %s', (_, followUpAt) => {
      spec.given([registered]).when(command('ChangeStatus', { status: 'FollowUp', followUpAt })).thenThrows(ValidationError, issuesOn('followUpAt'));
    });

    it('rejects a follow-up date with any other status', () => {
      spec.given([registered]).when(command('ChangeStatus', { status: 'Closed', followUpAt: nextWeek })).thenThrows(ValidationError, issuesOn('followUpAt'));
    });

    it.each<LeadStatus>(['Closed', 'Converted'])('ends the follow-up of an Available lead moved to %s', (status) => {
      spec.given(availableWithFollowUp).when(command('ChangeStatus', { status, followUpAt: null })).then([
        statusChanged('Available', status),
        cleared(tomorrow, 'status-changed'),
      ]);
    });

    it('moves the follow-up of an Available lead put in Follow-up, keeping the previous time', () => {
      spec.given(availableWithFollowUp).when(command('ChangeStatus', { status: 'FollowUp', followUpAt: nextWeek })).then([
        statusChanged('Available', 'FollowUp'),
        scheduled(nextWeek, tomorrow),
      ]);
    });
  });

  describe('setting a follow-up', () => {
    it('schedules a follow-up on an Available lead', () => {
      spec.given([registered]).when(command('SetFollowUp', { at: tomorrow })).then([scheduled(tomorrow, null)]);
    });

    it('reschedules, keeping the previous time', () => {
      spec.given(leadIn.FollowUp).when(command('SetFollowUp', { at: nextWeek })).then([scheduled(nextWeek, tomorrow)]);
    });

    it.each([
      ['in the past', yesterday],
      ['right now', now],
    ])('rejects a time %s', (_, at) => {
      spec.given([registered]).when(command('SetFollowUp', { at })).thenThrows(ValidationError, issuesOn('at'));
    });

    it('rejects the time already set', () => {
      spec.given(leadIn.FollowUp).when(command('SetFollowUp', { at: new Date(tomorrow) })).thenThrows(IllegalStateError, refusedOn('at'));
    });

    it.each<[LeadStatus, string]>([
      ['Closed', 'A closed lead cannot have a follow-up'],
      ['Converted', 'A converted lead cannot have a follow-up'],
    ])('rejects a follow-up when the lead is %s', (status, message) => {
      spec.given(leadIn[status]).when(command('SetFollowUp', { at: tomorrow })).thenThrows(IllegalStateError, refusedWith(message));
    });
  });

  describe('clearing a follow-up', () => {
    it('clears the follow-up of an Available lead', () => {
      spec.given(availableWithFollowUp).when(command('ClearFollowUp', {})).then([cleared(tomorrow, 'cleared')]);
    });

    it('rejects clearing when there is no follow-up', () => {
      spec.given([registered]).when(command('ClearFollowUp', {})).thenThrows(IllegalStateError, refusedWith('The lead has no follow-up to clear'));
    });

    it('rejects clearing the follow-up of a lead in Follow-up', () => {
      spec.given(leadIn.FollowUp).when(command('ClearFollowUp', {})).thenThrows(IllegalStateError, refusedWith(/change its status instead/));
    });
  });

  describe('assigning', () => {
    const assigned = (ownerId: string | null, previousOwnerId: string | null): LeadEvent => ({ type: 'LeadAssigned', data: { ownerId, previousOwnerId, rule: null } });

    it('assigns an unassigned lead', () => {
      spec.given([registered]).when(command('AssignLead', { ownerId: 'agent-1' })).then([assigned('agent-1', null)]);
    });

    it('reassigns, naming the previous owner', () => {
      spec.given([registered, assigned('agent-1', null)]).when(command('AssignLead', { ownerId: 'agent-2' })).then([assigned('agent-2', 'agent-1')]);
    });

    it('unassigns', () => {
      spec.given([registered, assigned('agent-1', null)]).when(command('AssignLead', { ownerId: null })).then([assigned(null, 'agent-1')]);
    });

    it('rejects assigning to the current owner', () => {
      const assignedToAgent1 = [registered, assigned('agent-1', null)];
      spec.given(assignedToAgent1).when(command('AssignLead', { ownerId: 'agent-1' })).thenThrows(IllegalStateError, refusedOn('ownerId'));
    });

    it('rejects unassigning a lead nobody owns', () => {
      spec.given([registered]).when(command('AssignLead', { ownerId: null })).thenThrows(IllegalStateError, refusedWith('The lead is not assigned'));
    });
  });

  describe.each<LeadStatus>(['Available', 'FollowUp', 'Closed', 'Converted'])('when the lead is %s', (status) => {
    it('adds a note', () => {
      spec.given(leadIn[status]).when(command('AddNote', { noteId: 'note-1', text: 'Asked for a quote' })).then([
        { type: 'NoteAdded', data: { noteId: 'note-1', text: 'Asked for a quote' } },
      ]);
    });
  });
});

describe('evolve', () => {
  it('folds a whole history into the current lead', () => {
    const history: LeadEvent[] = [
      registered,
      statusChanged('Available', 'FollowUp'),
      scheduled(tomorrow),
      { type: 'NoteAdded', data: { noteId: 'note-1', text: 'Call back tomorrow' } },
      { type: 'CallOutcomeRecorded', data: { outcome: 'interested', phone: '+447700900123', at: '2026-03-01T10:00:00.000Z', contact: true, notes: null, agentId: 'agent-1' } },
      { type: 'PhoneRemoved', data: { phone: mobile } },
      { type: 'PhoneAdded', data: { phone: landline } },
      { type: 'NameChanged', data: { name: 'Jane Smith', previousName: 'Jane Doe' } },
      { type: 'LeadAssigned', data: { ownerId: 'agent-1', previousOwnerId: null, rule: null } },
      statusChanged('FollowUp', 'Converted'),
      cleared(tomorrow, 'status-changed'),
    ];
    expect(history.reduce(evolve, initialState())).toEqual<Lead>({
      kind: 'registered', leadId, name: 'Jane Smith', phones: [landline], emails: [email], source: 'manual',
      status: 'Converted', followUpAt: null, ownerId: 'agent-1', noteCount: 1, callCount: 1,
      followUpAgentId: null, calls: [{ at: '2026-03-01T10:00:00.000Z', phone: '+447700900123', outcome: 'interested' }], retryAt: null,
      streak: { outcome: 'interested', count: 1 }, exhausted: null, wrongPhones: [], doNotCall: null, timeZone: null, claim: null,
      mergedInto: null, lastMerge: null, erased: false,
    });
  });

  it('leaves the lead as it was for an event type it does not know', () => {
    const lead = [registered].reduce(evolve, initialState());
    expect(evolve(lead, { type: 'LeadArchived', data: {} } as unknown as LeadEvent)).toEqual(lead);
  });
});
