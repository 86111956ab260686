import { describe, it } from 'vitest';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import { decide, evolve, initialState, type LeadCommand, type LeadEvent } from '@/lib/leads';
import { describeError } from '@/lib/present/error-text';
import { deciderSpec } from '@/lib/testing/decider-spec';
import { testDialingContext } from '@/lib/testing/dialing-facts';
import { expect } from 'vitest';

const spec = deciderSpec({ decide, evolve, initialState });
const now = new Date('2026-03-04T10:00:00Z');
const at = now.toISOString();
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const tomorrow = new Date('2026-03-05T14:00:00Z');

const mobile = { e164: '+447911123456', raw: '07911 123456' };
const landline = { e164: '+442079460018', raw: '020 7946 0018' };
const registered: LeadEvent = { type: 'LeadRegistered', data: { leadId: 'lead-1', name: 'Jane Doe', phones: [mobile, landline], emails: [], source: 'web', ownerId: null } };

type Of<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>['data'];
const dialingCommand = <T extends LeadCommand['type']>(type: T, data: Of<T>, context = testDialingContext()): LeadCommand =>
  ({ type, data, metadata: { now, dialing: context } }) as LeadCommand;
const call = (outcome: string, extra: Partial<Of<'RecordCallOutcome'>> = {}) =>
  dialingCommand('RecordCallOutcome', { outcome, phone: null, notes: null, callbackAt: null, agentId: 'ana', ...extra });
const recorded = (outcome: string, contact = false, phone = mobile.e164): LeadEvent => ({
  type: 'CallOutcomeRecorded', data: { outcome, phone, at, contact, notes: null, agentId: 'ana' },
});
const retry = (minutes: number, outcome: string, attempt: number, of: number): LeadEvent => ({ type: 'RetryScheduled', data: { at: minutesLater(minutes), outcome, attempt, of } });
const earlierCall = (outcome: string): LeadEvent => ({ type: 'CallOutcomeRecorded', data: { outcome, phone: mobile.e164, at: '2026-03-01T10:00:00.000Z', contact: false, notes: null, agentId: 'ana' } });
const refusedWith = (text: string | RegExp) => (error: Error) => expect(describeError(error)).toMatch(text);

describe('recording a call', () => {
  describe('when the disposition recycles the lead', () => {
    it('records the call on the first good number and offers the lead again after the delay (no answer: 2 h, 1 of 6)', () => {
      spec.given([registered]).when(call('no-answer')).then([recorded('no-answer'), retry(120, 'no-answer', 1, 6)]);
    });

    it('counts the same disposition in a row, and exhausts the lead at its maximum', () => {
      const fiveNoAnswers = Array.from({ length: 5 }, () => earlierCall('no-answer'));
      spec.given([registered, ...fiveNoAnswers]).when(call('no-answer')).then([
        recorded('no-answer'),
        { type: 'AttemptsExhausted', data: { reason: 'disposition', outcome: 'no-answer', calls: 6 } },
      ]);
    });

    it('starts counting again after a different disposition', () => {
      spec.given([registered, earlierCall('no-answer'), earlierCall('no-answer'), earlierCall('busy')]).when(call('no-answer')).then([recorded('no-answer'), retry(120, 'no-answer', 1, 6)]);
    });

    it('exhausts the lead when its calls in all reach the tenant\u2019s limit, whatever the disposition', () => {
      const nineteen = Array.from({ length: 19 }, (_, i) => earlierCall(i % 2 ? 'busy' : 'voicemail'));
      spec.given([registered, ...nineteen]).when(call('busy')).then([recorded('busy'), { type: 'AttemptsExhausted', data: { reason: 'total', outcome: 'busy', calls: 20 } }]);
    });
  });

  describe('when the disposition changes the status', () => {
    it('closes an available lead (not interested), with no retry', () => {
      spec.given([registered]).when(call('not-interested')).then([recorded('not-interested', true), { type: 'StatusChanged', data: { from: 'Available', to: 'Closed' } }]);
    });

    it('converts a lead in follow-up and ends its callback', () => {
      const inFollowUp: LeadEvent[] = [registered, { type: 'StatusChanged', data: { from: 'Available', to: 'FollowUp' } }, { type: 'FollowUpScheduled', data: { at: tomorrow.toISOString(), previousAt: null, agentId: null } }];
      spec.given(inFollowUp).when(call('converted')).then([
        recorded('converted', true),
        { type: 'StatusChanged', data: { from: 'FollowUp', to: 'Converted' } },
        { type: 'FollowUpCleared', data: { previousAt: tomorrow.toISOString(), reason: 'status-changed' } },
      ]);
    });

    it('refuses the whole call when the status may not move so (a converted lead closed)', () => {
      spec.given([registered, { type: 'StatusChanged', data: { from: 'Available', to: 'Converted' } }]).when(call('not-interested')).thenThrows(IllegalStateError, refusedWith(/converted lead is final/));
    });
  });

  describe('when the disposition asks for a callback', () => {
    it('puts the lead in follow-up at the given time, for the agent who called', () => {
      spec.given([registered]).when(call('call-back', { callbackAt: tomorrow })).then([
        recorded('call-back', true),
        { type: 'StatusChanged', data: { from: 'Available', to: 'FollowUp' } },
        { type: 'FollowUpScheduled', data: { at: tomorrow.toISOString(), previousAt: null, agentId: 'ana' } },
      ]);
    });

    it('needs the time, in the future', () => {
      spec.given([registered]).when(call('call-back')).thenThrows(ValidationError, refusedWith('Call back needs the time to call back'));
      spec.given([registered]).when(call('call-back', { callbackAt: new Date('2026-03-04T09:00:00Z') })).thenThrows(ValidationError, refusedWith(/in the future/));
    });
  });

  describe('when the disposition is about the number or the person', () => {
    it('marks the dialled number wrong (and the lead stays open for its other number)', () => {
      spec.given([registered]).when(call('wrong-number', { phone: landline.e164 })).then([recorded('wrong-number', false, landline.e164), { type: 'PhoneMarkedWrong', data: { phone: landline.e164 } }]);
    });

    it('marks the lead do not call', () => {
      spec.given([registered]).when(call('do-not-call')).then([recorded('do-not-call', true), { type: 'DoNotCallRequested', data: { reason: 'Call recorded as Do not call' } }]);
    });
  });

  describe('when the call cannot be recorded as sent', () => {
    it('refuses a disposition the tenant does not have, naming the field', () => {
      spec.given([registered]).when(call('maybe')).thenThrows(ValidationError, (error) => {
        expect(error.issues.map((issue) => issue.field)).toEqual(['outcome']);
        refusedWith(/"maybe" is not one of your dispositions \(no-answer, busy/)(error);
      });
    });

    it('refuses a number the lead does not hold', () => {
      spec.given([registered]).when(call('no-answer', { phone: '+15551234567' })).thenThrows(ValidationError, refusedWith(/not one of this lead's phones/));
    });

    it('refuses an agent who does not hold a lead another agent holds, and takes it once the claim ran out', () => {
      const heldByBen: LeadEvent = { type: 'LeadClaimed', data: { agentId: 'ben', until: minutesLater(5), tier: 'fresh' } };
      spec.given([registered, heldByBen]).when(call('no-answer')).thenThrows(IllegalStateError, refusedWith(/Another agent holds this lead/));
      const expired: LeadEvent = { type: 'LeadClaimed', data: { agentId: 'ben', until: at, tier: 'fresh' } };
      spec.given([registered, expired]).when(call('no-answer')).then([recorded('no-answer'), retry(120, 'no-answer', 1, 6)]);
    });
  });
});

describe('claiming a lead ("next lead")', () => {
  const claim = (agentId = 'ana', context = testDialingContext()) => dialingCommand('ClaimLead', { agentId, tier: 'fresh' }, context);

  it('holds a callable lead for the agent for the tenant\u2019s claim time', () => {
    spec.given([registered]).when(claim()).then([{ type: 'LeadClaimed', data: { agentId: 'ana', until: minutesLater(5), tier: 'fresh' } }]);
  });

  it('refuses a lead another agent holds, and one that may not be called now, saying why', () => {
    const heldByBen: LeadEvent = { type: 'LeadClaimed', data: { agentId: 'ben', until: minutesLater(3), tier: 'fresh' } };
    spec.given([registered, heldByBen]).when(claim()).thenThrows(IllegalStateError, refusedWith('This lead may not be called now: ben holds it until 10:03'));
    spec.given([registered, { type: 'DoNotCallRequested', data: { reason: 'Consent withdrawn' } }]).when(claim()).thenThrows(IllegalStateError, refusedWith(/asked not to be called \(Consent withdrawn\)/));
  });

  it('gives the lead back when the agent skips it, with why; refuses a skip by someone not holding it', () => {
    const held: LeadEvent = { type: 'LeadClaimed', data: { agentId: 'ana', until: minutesLater(5), tier: 'fresh' } };
    spec.given([registered, held]).when(dialingCommand('SkipLead', { agentId: 'ana', reason: 'Language' })).then([{ type: 'ClaimReleased', data: { agentId: 'ana', reason: 'Language' } }]);
    spec.given([registered, held]).when(dialingCommand('SkipLead', { agentId: 'ben', reason: 'Language' })).thenThrows(IllegalStateError, refusedWith('You do not hold this lead'));
  });

  it('ends the claim with the call recorded under it', () => {
    const held: LeadEvent = { type: 'LeadClaimed', data: { agentId: 'ana', until: minutesLater(5), tier: 'fresh' } };
    const after = [registered, held, recorded('busy')].reduce(evolve, initialState());
    expect(after).toMatchObject({ claim: null, calls: [{ outcome: 'busy', phone: mobile.e164, at }] });
  });
});

describe('the person\u2019s wishes, the lead\u2019s zone, recycling', () => {
  it('marks do not call once, and lifts it once', () => {
    spec.given([registered]).when(dialingCommand('RequestDoNotCall', { reason: 'Asked' })).then([{ type: 'DoNotCallRequested', data: { reason: 'Asked' } }]);
    spec.given([registered, { type: 'DoNotCallRequested', data: { reason: 'Asked' } }]).when(dialingCommand('RequestDoNotCall', { reason: 'Again' })).thenThrows(IllegalStateError);
    spec.given([registered]).when(dialingCommand('LiftDoNotCall', { reason: 'Consent given' })).thenThrows(IllegalStateError, refusedWith('The lead is not marked do not call'));
  });

  it('sets a time zone, and refuses the one it has', () => {
    spec.given([registered]).when(dialingCommand('SetTimeZone', { timeZone: 'America/Chicago' })).then([{ type: 'TimeZoneSet', data: { timeZone: 'America/Chicago', previous: null } }]);
    spec.given([registered, { type: 'TimeZoneSet', data: { timeZone: 'America/Chicago', previous: null } }]).when(dialingCommand('SetTimeZone', { timeZone: 'America/Chicago' })).thenThrows(IllegalStateError);
  });

  it('recycles an exhausted lead only', () => {
    const exhausted: LeadEvent = { type: 'AttemptsExhausted', data: { reason: 'total', outcome: 'busy', calls: 20 } };
    spec.given([registered, exhausted]).when(dialingCommand('RecycleLead', { reason: 'Spring campaign' })).then([{ type: 'LeadRecycled', data: { reason: 'Spring campaign' } }]);
    spec.given([registered]).when(dialingCommand('RecycleLead', { reason: 'Spring campaign' })).thenThrows(IllegalStateError, refusedWith(/Only a lead whose attempts are used up/));
  });
});
