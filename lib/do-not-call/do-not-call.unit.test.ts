import { describe, expect, it } from 'vitest';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/input/validation';
import { describeError } from '@/lib/present/error-text';
import { deciderSpec } from '@/lib/testing/decider-spec';
import {
  decideDnc, DNC_EVENT_SCHEMAS, dncStreamId, evolveDnc, initialDncState, numberBlockedByCommand,
  type DncCommand, type DncEvent,
} from './do-not-call';
import { numberChangeInput } from './input';

const spec = deciderSpec({ decide: decideDnc, evolve: evolveDnc, initialState: initialDncState });
const PHONE = '+447911123456';
const blocked: DncEvent = { type: 'NumberBlocked', data: { phone: PHONE, reason: 'Asked not to be called', source: 'manual' } };
const unblocked: DncEvent = { type: 'NumberUnblocked', data: { phone: PHONE, reason: 'Gave consent again' } };
const block = (reason = 'Asked not to be called'): DncCommand => ({ type: 'BlockNumber', data: { phone: PHONE, reason, source: 'manual' } });
const unblock: DncCommand = { type: 'UnblockNumber', data: { phone: PHONE, reason: 'Gave consent again' } };
const refusedWith = (code: string) => (error: IllegalStateError) => {
  expect(error.code).toBe(code);
  expect(error.field).toBe('phone');
  expect(error.details.params).toEqual({ phone: PHONE });
};

describe('when the number is not on the list', () => {
  it('blocks it, with the reason and where the entry came from', () => {
    spec.given([]).when(block()).then([blocked]);
  });

  it('refuses unblocking it', () => {
    spec.given([]).when(unblock).thenThrows(IllegalStateError, refusedWith('do-not-call.not-blocked'));
  });
});

describe('when the number is blocked', () => {
  it('refuses blocking it again, whatever the reason', () => {
    spec.given([blocked]).when(block('Another reason')).thenThrows(IllegalStateError, refusedWith('do-not-call.already-blocked'));
  });

  it('unblocks it, with the reason', () => {
    spec.given([blocked]).when(unblock).then([unblocked]);
  });
});

describe('when the number was unblocked', () => {
  it('blocks it again', () => {
    spec.given([blocked, unblocked]).when(block('Complained again')).then([
      { type: 'NumberBlocked', data: { phone: PHONE, reason: 'Complained again', source: 'manual' } },
    ]);
  });

  it('refuses unblocking it again', () => {
    spec.given([blocked, unblocked]).when(unblock).thenThrows(IllegalStateError, refusedWith('do-not-call.not-blocked'));
  });
});

describe('a number blocked as part of a lead command (a "do not call" disposition)', () => {
  const entry = { tenantId: 'northwind', phone: PHONE, reason: 'Disposition: do not call', source: 'call' as const };

  it('is the NumberBlocked event for the number\u2019s own stream', () => {
    expect(numberBlockedByCommand(entry, initialDncState())).toEqual({
      stream: { tenantId: 'northwind', streamId: 'dnc:+447911123456', streamType: 'do-not-call' },
      event: { type: 'NumberBlocked', data: { phone: PHONE, reason: 'Disposition: do not call', source: 'call' } },
    });
    expect(numberBlockedByCommand(entry, [blocked, unblocked].reduce(evolveDnc, initialDncState()))?.event.type).toBe('NumberBlocked');
  });

  it('is nothing when the number is already blocked', () => {
    expect(numberBlockedByCommand(entry, evolveDnc(initialDncState(), blocked))).toBeNull();
  });

  it('refuses a number that is not E.164, or an unknown source', () => {
    expect(() => numberBlockedByCommand({ ...entry, phone: '07911 123456' }, initialDncState())).toThrow();
    expect(() => numberBlockedByCommand({ ...entry, source: 'dialer' as 'call' }, initialDncState())).toThrow();
  });
});

describe('the events', () => {
  it('take the sources a list entry can come from, and E.164 numbers only', () => {
    const schema = DNC_EVENT_SCHEMAS.NumberBlocked;
    for (const source of ['manual', 'call', 'api', 'import:0a1b2c3d-0000-8000-8000-000000000000']) {
      expect(schema.safeParse({ phone: PHONE, reason: 'x', source }).success, source).toBe(true);
    }
    for (const source of ['', 'import:', 'import:x', 'csv']) expect(schema.safeParse({ phone: PHONE, reason: 'x', source }).success, source).toBe(false);
    expect(schema.safeParse({ phone: '07911123456', reason: 'x', source: 'manual' }).success).toBe(false);
    expect(dncStreamId(PHONE)).toBe('dnc:+447911123456');
  });
});

describe('what a manager sends', () => {
  const input = numberChangeInput('GB');

  it('reads the number in the tenant\u2019s region, as typed, and trims the reason', () => {
    expect(parseInput(input, { phone: ' 07911 123456 ', reason: '  Asked  ' })).toEqual({ phone: { e164: PHONE, raw: '07911 123456' }, reason: 'Asked' });
    expect(parseInput(numberChangeInput('US'), { phone: '(212) 555-0123', reason: 'x' }).phone.e164).toBe('+12125550123');
  });

  it('refuses a malformed number naming the phone field, and a missing reason naming the reason', () => {
    const refusal = (value: unknown) => {
      try {
        parseInput(input, value);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return Object.fromEntries((error as ValidationError).issues.map((issue) => [issue.field, describeError(new ValidationError([issue]))]));
      }
      throw new Error('accepted');
    };
    expect(refusal({ phone: '12345', reason: 'x' })).toEqual({ phone: '"12345" is not a valid phone number' });
    expect(refusal({ phone: '', reason: 'x' })).toEqual({ phone: 'Phone number is required' });
    expect(refusal({ phone: '07911 123456', reason: '   ' })).toEqual({ reason: 'Give the reason, for the audit log' });
    expect(refusal({ phone: 42, reason: 'x'.repeat(501) })).toEqual({ phone: 'Phone number is required', reason: 'The reason must be at most 500 characters' });
    expect(refusal({ phone: '07911 123456', reason: 'x', source: 'call' })).toEqual({ source: 'Unknown field "source"' });
  });
});
