import { describe, expect, it } from 'vitest';
import { IllegalStateError } from '@/lib/errors';
import { parseInput } from '@/lib/input/validation';
import { deciderSpec } from '@/lib/testing/decider-spec';
import { accessChangeSchema, decideStaff, evolveStaff, initialStaffState, type StaffEvent } from './staff';

const spec = deciderSpec({ decide: decideStaff, evolve: evolveStaff, initialState: initialStaffState });
const deactivated: StaffEvent = { type: 'UserDeactivated', data: { userId: 'ben', reason: 'Left the company' } };
const reactivated: StaffEvent = { type: 'UserReactivated', data: { userId: 'ben', reason: 'Back from leave' } };
const code = (expected: string) => (error: IllegalStateError) => {
  expect(error.code).toBe(expected);
  expect(error.field).toBe('userId');
};

describe('when the user is active', () => {
  it('an admin deactivates them, with the reason', () => {
    spec.given([]).when({ type: 'DeactivateUser', data: { userId: 'ben', reason: 'Left the company', by: 'adam' } }).then([deactivated]);
  });

  it('refuses an admin deactivating themself', () => {
    spec.given([]).when({ type: 'DeactivateUser', data: { userId: 'adam', reason: 'x', by: 'adam' } }).thenThrows(IllegalStateError, code('user.own-deactivation'));
  });

  it('refuses reactivating them', () => {
    spec.given([]).when({ type: 'ReactivateUser', data: { userId: 'ben', reason: 'x', by: 'adam' } }).thenThrows(IllegalStateError, code('user.not-deactivated'));
    spec.given([deactivated, reactivated]).when({ type: 'ReactivateUser', data: { userId: 'ben', reason: 'x', by: 'adam' } }).thenThrows(IllegalStateError, code('user.not-deactivated'));
  });
});

describe('when the user is deactivated', () => {
  it('an admin reactivates them, with the reason', () => {
    spec.given([deactivated]).when({ type: 'ReactivateUser', data: { userId: 'ben', reason: 'Back from leave', by: 'adam' } }).then([reactivated]);
  });

  it('refuses deactivating them again', () => {
    spec.given([deactivated]).when({ type: 'DeactivateUser', data: { userId: 'ben', reason: 'x', by: 'adam' } }).thenThrows(IllegalStateError, code('user.already-deactivated'));
  });

  it('deactivates them again after a reactivation', () => {
    spec.given([deactivated, reactivated]).when({ type: 'DeactivateUser', data: { userId: 'ben', reason: 'Left the company', by: 'adam' } }).then([deactivated]);
  });
});

describe('what an admin sends', () => {
  it('needs a user and a reason, trimmed', () => {
    expect(parseInput(accessChangeSchema, { userId: 'ben', reason: '  Left  ' })).toEqual({ userId: 'ben', reason: 'Left' });
    for (const input of [{ userId: 'ben', reason: '  ' }, { userId: 'ben' }, { userId: '', reason: 'x' }, { userId: 'ben', reason: 'x'.repeat(501) }, { userId: 'ben', reason: 'x', role: 'admin' }]) {
      expect(() => parseInput(accessChangeSchema, input), JSON.stringify(input)).toThrow();
    }
  });
});
