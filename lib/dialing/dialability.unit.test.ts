import { describe, expect, it } from 'vitest';
import { evolve, initialState, type LeadEvent, type RegisteredLead } from '@/lib/leads';
import { describeError } from '@/lib/present/error-text';
import { IllegalStateError } from '@/lib/errors';
import { testFacts, utcWindow } from '@/lib/testing/dialing-facts';
import { dialability, type DialabilityReason } from './dialability';

const mobile = { e164: '+447911123456', raw: '07911 123456' };
const landline = { e164: '+442079460018', raw: '020 7946 0018' };
const registered: LeadEvent = { type: 'LeadRegistered', data: { leadId: 'lead-1', name: 'Jane Doe', phones: [mobile, landline], emails: [], source: 'web', ownerId: null } };
const now = new Date('2026-03-04T10:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
const call = (at: string, phone: string = mobile.e164, outcome = 'no-answer'): LeadEvent => ({
  type: 'CallOutcomeRecorded', data: { outcome, phone, at, contact: false, notes: null, agentId: 'ana' },
});

/** The lead after `events` (a registered lead with a mobile and a landline). */
const lead = (...events: LeadEvent[]) => [registered, ...events].reduce(evolve, initialState()) as RegisteredLead;
const codes = (reasons: readonly DialabilityReason[]) => reasons.map((reason) => reason.code);
/** The words the lead page shows for each reason. */
const words = (reasons: readonly DialabilityReason[]) => reasons.map((reason) => describeError(new IllegalStateError(reason.code, { params: 'params' in reason ? Object.fromEntries(Object.entries(reason.params).filter(([, v]) => v !== null)) as Record<string, string> : {} })));

describe('dialability', () => {
  describe('given a fresh lead inside calling hours', () => {
    it('is callable on every number, now', () => {
      expect(dialability(lead(), testFacts(), now)).toEqual({ callable: true, reasons: [], phones: [mobile.e164, landline.e164], skipped: [], nextCallableAt: now.toISOString() });
    });
  });

  describe('given calling hours that are closed', () => {
    it('says the local time and when they open, and is callable from then', () => {
      const early = new Date('2026-03-04T07:12:00Z');
      const verdict = dialability(lead(), testFacts(), early);
      expect(verdict).toMatchObject({ callable: false, nextCallableAt: '2026-03-04T08:00:00.000Z' });
      expect(words(verdict.reasons)).toEqual(['outside calling hours: 07:12 in UTC, opens 08:00']);
    });
  });

  describe('given a status that ends calling', () => {
    it.each(['Closed', 'Converted'] as const)('is never callable by itself when %s', (to) => {
      const verdict = dialability(lead({ type: 'StatusChanged', data: { from: 'Available', to } }), testFacts(), now);
      expect(verdict).toMatchObject({ callable: false, nextCallableAt: null });
      expect(codes(verdict.reasons)).toEqual(['lead.status']);
    });
  });

  describe('given the person asked not to be called', () => {
    it('is not callable until someone lifts it', () => {
      const verdict = dialability(lead({ type: 'DoNotCallRequested', data: { reason: 'Asked on the phone' } }), testFacts(), now);
      expect(verdict).toMatchObject({ callable: false, nextCallableAt: null });
      expect(words(verdict.reasons)).toEqual(['the person asked not to be called (Asked on the phone)']);
    });
  });

  describe('given numbers on the do-not-call list or wrong', () => {
    const blocked = { [mobile.e164]: { reason: 'Listed by the regulator', since: '2026-12-02T09:00:00Z', by: 'Ana' } };

    it('is callable on the other numbers, saying which one it skips and why', () => {
      const verdict = dialability(lead(), testFacts({ blocked }), now);
      expect(verdict).toMatchObject({ callable: true, reasons: [], phones: [landline.e164] });
      expect(codes(verdict.skipped)).toEqual(['phone.blocked']);
    });

    it('is never callable when every number is blocked or wrong, saying why and since when', () => {
      const verdict = dialability(lead({ type: 'PhoneMarkedWrong', data: { phone: landline.e164 } }), testFacts({ blocked }), now);
      expect(verdict).toMatchObject({ callable: false, phones: [], nextCallableAt: null });
      expect(words(verdict.reasons)).toEqual([
        '+447911123456 is on the do-not-call list since 2 Dec, added by Ana (Listed by the regulator)',
        '+442079460018 is a wrong number',
      ]);
    });
  });

  describe('given calls to one number in the last 24 hours', () => {
    const limit = { attempts: { perPhonePer24h: 3, perLeadPerDay: 10 } };

    it('stops that number at the limit until the oldest of them is 24 hours old, and dials the others', () => {
      const verdict = dialability(lead(call(hoursAgo(23)), call(hoursAgo(10)), call(hoursAgo(1))), testFacts(limit), now);
      expect(verdict).toMatchObject({ callable: true, phones: [landline.e164], reasons: [] });
      expect(words(verdict.skipped)).toEqual(['3 calls to +447911123456 in 24 h: next allowed 11:00']);
    });

    it('counts the window as rolling: a call exactly 24 hours ago no longer counts', () => {
      expect(dialability(lead(call(hoursAgo(24)), call(hoursAgo(10)), call(hoursAgo(1))), testFacts(limit), now).phones).toEqual([mobile.e164, landline.e164]);
    });

    it('waits for the first number to come free when every number is at its limit', () => {
      const calls = [23, 10, 1].flatMap((h) => [call(hoursAgo(h)), call(hoursAgo(h - 0.5), landline.e164)]);
      expect(dialability(lead(...calls), testFacts(limit), now)).toMatchObject({ callable: false, nextCallableAt: '2026-03-04T11:00:00.000Z' });
    });
  });

  describe('given calls to the lead today', () => {
    it('stops at the daily limit until the lead\u2019s next day, when the hours are open', () => {
      const calls = [call(hoursAgo(2)), call(hoursAgo(1.5), landline.e164), call(hoursAgo(1))];
      const verdict = dialability(lead(...calls), testFacts({ attempts: { perLeadPerDay: 3 } }), now);
      expect(verdict).toMatchObject({ callable: false, nextCallableAt: '2026-03-05T08:00:00.000Z' });
      expect(words(verdict.reasons)).toEqual(['3 calls today: next allowed 5 Mar 00:00']);
    });

    it('does not count yesterday\u2019s calls', () => {
      const calls = [call('2026-03-03T19:00:00Z'), call('2026-03-03T20:00:00Z', landline.e164), call(hoursAgo(1))];
      expect(dialability(lead(...calls), testFacts({ attempts: { perLeadPerDay: 3, perPhonePer24h: 5 } }), now).callable).toBe(true);
    });
  });

  describe('given a retry the disposition scheduled', () => {
    it('waits for it, and for the hours to open if they are closed then', () => {
      const retryAt = (at: string): LeadEvent => ({ type: 'RetryScheduled', data: { at, outcome: 'no-answer', attempt: 1, of: 6 } });
      expect(dialability(lead(call(hoursAgo(1)), retryAt('2026-03-04T12:00:00.000Z')), testFacts(), now)).toMatchObject({ callable: false, nextCallableAt: '2026-03-04T12:00:00.000Z' });
      expect(dialability(lead(call(hoursAgo(1)), retryAt('2026-03-04T22:00:00.000Z')), testFacts(), now)).toMatchObject({ nextCallableAt: '2026-03-05T08:00:00.000Z' });
      expect(dialability(lead(call(hoursAgo(1)), retryAt('2026-03-04T09:00:00.000Z')), testFacts(), now).callable).toBe(true);
    });
  });

  describe('given a claim', () => {
    const claimed: LeadEvent = { type: 'LeadClaimed', data: { agentId: 'ben', until: '2026-03-04T10:05:00.000Z', tier: 'fresh' } };

    it('is not callable by others while it lasts, and is by its holder', () => {
      expect(words(dialability(lead(claimed), testFacts(), now, 'ana').reasons)).toEqual(['ben holds it until 10:05']);
      expect(dialability(lead(claimed), testFacts(), now, 'ben').callable).toBe(true);
    });

    it('returns the lead to everyone when it expires', () => {
      expect(dialability(lead(claimed), testFacts(), new Date('2026-03-04T10:05:00Z'), 'ana').callable).toBe(true);
    });
  });

  describe('given its attempts used up', () => {
    it('is not callable until a manager recycles it', () => {
      const exhausted: LeadEvent = { type: 'AttemptsExhausted', data: { reason: 'total', outcome: 'no-answer', calls: 20 } };
      expect(dialability(lead(exhausted), testFacts(), now)).toMatchObject({ callable: false, nextCallableAt: null });
      expect(dialability(lead(exhausted, { type: 'LeadRecycled', data: { reason: 'New campaign' } }), testFacts(), now).callable).toBe(true);
    });
  });

  describe('given hours that never open', () => {
    it('says so and gives no next moment', () => {
      const never = () => ({ open: false as const, localTime: '10:00', zone: 'UTC', opensAt: null, opensLocal: null });
      expect(dialability(lead(), testFacts({ window: never }), now)).toMatchObject({ callable: false, nextCallableAt: null });
      expect(utcWindow()(now).open).toBe(true);
    });
  });
});
