import { describe, expect, it } from 'vitest';
import { formatWhen, historyLines, type HistoryEvent } from './history-lines';

const names: Record<string, string> = { ana: 'Ana Lima', ben: 'Ben Okafor' };
const nameOf = (id: string) => names[id];
const mobile = { e164: '+447911123456', raw: '07911 123456' };
const landline = { e164: '+442079460018', raw: '020 7946 0018' };

let version = 0;
const event = (type: string, data: unknown, { actor = 'ana' as string | null, commandId = `c${version + 1}`, at = '2026-11-20T09:30:00.000Z' } = {}): HistoryEvent => ({
  version: ++version,
  type,
  data,
  actor,
  occurredAt: at,
  commandId,
});
const lines = (...events: HistoryEvent[]) => historyLines(events, nameOf, new Map(), 'GB').map((line) => line.text);

describe('history lines', () => {
  it('names the lead a merge took in with what it changed, the lead it went into, and an undone merge', () => {
    const fields = { name: 'Jane Doe', phones: [mobile], emails: [], ownerId: null, status: 'Available', followUpAt: null, followUpAgentId: null };
    expect(lines(
      event('LeadAbsorbed', { mergeId: 'm1', leadId: 'x', name: 'Jane Smith', before: fields, after: { ...fields, phones: [mobile, landline] } }, { commandId: 'merge' }),
      event('PhoneAdded', { phone: landline }, { commandId: 'merge' }),
      event('LeadMergedInto', { mergeId: 'm1', survivorId: 'y', survivorName: 'Jane Doe' }),
      event('MergeUndone', { mergeId: 'm1', leadId: 'x', name: 'Jane Smith' }, { actor: 'ben', commandId: 'undo' }),
      event('PhoneRemoved', { phone: landline }, { actor: 'ben', commandId: 'undo' }),
      event('LeadUnmerged', { mergeId: 'm1', survivorId: 'y', status: 'Available' }, { actor: 'ben' }),
    )).toEqual([
      'Ana Lima absorbed “Jane Smith”: merged it into this lead and added the phone 020 7946 0018',
      'Ana Lima merged the lead into “Jane Doe”',
      'Ben Okafor undid the merge that absorbed “Jane Smith” and removed the phone 020 7946 0018',
      'Ben Okafor undid the merge: the lead is its own again',
    ]);
  });

  it('names who registered the lead and what it came with', () => {
    expect(lines(event('LeadRegistered', { leadId: 'x', name: 'Stefan Ivanov', phones: [mobile], emails: ['s@x.com'], source: 'web form', ownerId: 'ben' }))).toEqual([
      'Ana Lima registered the lead “Stefan Ivanov” with phone 07911 123456 and email s@x.com (source: web form, assigned to Ben Okafor)',
    ]);
  });

  it('says what a name was changed from and to', () => {
    expect(lines(event('NameChanged', { name: 'Stefan P. Ivanov', previousName: 'Stefan Ivanov' }))).toEqual([
      'Ana Lima changed the name from “Stefan Ivanov” to “Stefan P. Ivanov”',
    ]);
  });

  it('reads a removal and an addition in one command as a replacement', () => {
    expect(
      lines(
        event('EmailRemoved', { email: 'a@x.com' }, { commandId: 'same' }),
        event('EmailAdded', { email: 'b@x.com' }, { commandId: 'same' }),
        event('PhoneRemoved', { phone: mobile }, { commandId: 'other', actor: 'ben' }),
        event('PhoneAdded', { phone: landline }, { commandId: 'other', actor: 'ben' }),
      ),
    ).toEqual(['Ana Lima changed the email from a@x.com to b@x.com', 'Ben Okafor changed the phone from 07911 123456 to 020 7946 0018']);
  });

  it('shows phones as read in the tenant\u2019s region, with what was typed when it reads differently', () => {
    const typed = { e164: '+442079460018', raw: '+44(0)20-7946-0018' };
    const american = { e164: '+12125550123', raw: '+1 212 555 0123' };
    expect(lines(event('PhoneAdded', { phone: typed }), event('PhoneRemoved', { phone: american }))).toEqual([
      'Ana Lima added the phone 020 7946 0018 (typed as +44(0)20-7946-0018)',
      'Ana Lima removed the phone +1 212 555 0123',
    ]);
    expect(lines(event('CallOutcomeRecorded', { outcome: 'no-answer', notes: null, phone: '+447911123456' }), event('PhoneMarkedWrong', { phone: '+447911123456' }))).toEqual([
      'Ana Lima recorded a call to 07911 123456: No answer',
      'Ana Lima marked 07911 123456 as a wrong number',
    ]);
  });

  it('keeps a removal and an addition of separate commands apart', () => {
    expect(lines(event('PhoneRemoved', { phone: mobile }), event('PhoneAdded', { phone: landline }))).toEqual([
      'Ana Lima removed the phone 07911 123456',
      'Ana Lima added the phone 020 7946 0018',
    ]);
  });

  it('groups the events of one command without a command id by actor and moment (a conflict\'s changes)', () => {
    const noId = (type: string, data: unknown) => ({ ...event(type, data), commandId: undefined });
    expect(lines(noId('StatusChanged', { from: 'Available', to: 'FollowUp' }), noId('FollowUpScheduled', { at: '2026-11-24T10:00:00.000Z', previousAt: null }))).toEqual([
      'Ana Lima set the status to Follow-up (callback 24 Nov 2026, 10:00) from Available',
    ]);
  });

  it('tells a status change that ends a callback', () => {
    expect(
      lines(
        event('StatusChanged', { from: 'FollowUp', to: 'Closed' }, { actor: 'ben', commandId: 'k' }),
        event('FollowUpCleared', { previousAt: '2026-11-24T10:00:00.000Z', reason: 'status-changed' }, { actor: 'ben', commandId: 'k' }),
      ),
    ).toEqual(['Ben Okafor set the status to Closed from Follow-up and ended the callback of 24 Nov 2026, 10:00']);
  });

  it('tells set, moved and cleared callbacks apart', () => {
    expect(
      lines(
        event('FollowUpScheduled', { at: '2026-11-24T10:00:00.000Z', previousAt: null }),
        event('FollowUpScheduled', { at: '2026-11-25T15:30:00.000Z', previousAt: '2026-11-24T10:00:00.000Z' }),
        event('FollowUpCleared', { previousAt: '2026-11-25T15:30:00.000Z', reason: 'cleared' }),
      ),
    ).toEqual([
      'Ana Lima set a callback for 24 Nov 2026, 10:00',
      'Ana Lima moved the callback from 24 Nov 2026, 10:00 to 25 Nov 2026, 15:30',
      'Ana Lima cleared the callback of 25 Nov 2026, 15:30',
    ]);
  });

  it('names owners, and says when a lead was unassigned', () => {
    expect(
      lines(
        event('LeadAssigned', { ownerId: 'ben', previousOwnerId: null }),
        event('LeadAssigned', { ownerId: 'ana', previousOwnerId: 'ben' }),
        event('LeadAssigned', { ownerId: null, previousOwnerId: 'ana' }, { actor: 'ben' }),
      ),
    ).toEqual(['Ana Lima assigned the lead to Ben Okafor', 'Ana Lima reassigned the lead from Ben Okafor to Ana Lima', 'Ben Okafor unassigned the lead from Ana Lima']);
  });

  it('quotes notes and call outcomes', () => {
    expect(
      lines(event('NoteAdded', { noteId: 'n', text: 'Prefers mornings' }), event('CallOutcomeRecorded', { outcome: 'no-answer', notes: null }), event('CallOutcomeRecorded', { outcome: 'interested', notes: 'Wants a quote' })),
    ).toEqual(['Ana Lima added a note: “Prefers mornings”', 'Ana Lima recorded a call: No answer', 'Ana Lima recorded a call: Interested (“Wants a quote”)']);
  });

  it('names a call by the tenant\u2019s own label for its disposition, and by the code when nobody knows it', () => {
    const outcomes = new Map([['no-answer', 'Rang out'], ['not-this-number', 'Not on this number']]);
    const calls = ['no-answer', 'not-this-number', 'retired-code'].map((outcome) => event('CallOutcomeRecorded', { outcome, notes: null }));
    expect(historyLines(calls, () => 'Ana Lima', outcomes).map((line) => line.text)).toEqual([
      'Ana Lima recorded a call: Rang out', 'Ana Lima recorded a call: Not on this number', 'Ana Lima recorded a call: retired-code',
    ]);
  });

  it('falls back to the user id, to "The system" and to the event type when it knows no better', () => {
    expect(lines(event('NameChanged', { name: 'B', previousName: 'A' }, { actor: 'zoe' }), event('LeadMerged', {}, { actor: null }))).toEqual([
      'zoe changed the name from “A” to “B”',
      'The system made a change (LeadMerged)',
    ]);
  });

  it('keeps who, when and the versions a line covers', () => {
    const [line] = historyLines(
      [event('PhoneRemoved', { phone: mobile }, { commandId: 'r' }), event('PhoneAdded', { phone: landline }, { commandId: 'r' })],
      nameOf,
    );
    expect(line).toMatchObject({ who: 'Ana Lima', at: '2026-11-20T09:30:00.000Z', versions: [version - 1, version] });
  });
});

describe('formatWhen', () => {
  it('writes a moment in UTC with a three-letter month', () => {
    expect(formatWhen('2026-09-04T07:05:00Z')).toBe('4 Sep 2026, 07:05');
    expect(formatWhen('2026-11-24T23:59:59.999+01:00')).toBe('24 Nov 2026, 22:59');
    expect(formatWhen('2026-11-24T23:59:09.999+01:00', { seconds: true })).toBe('24 Nov 2026, 22:59:09');
  });
});
