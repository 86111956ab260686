import { describe, expect, it } from 'vitest';
import { groupPairs, type CandidatePair } from './groups';
import { describeKey, duplicateKeys } from './keys';
import { judgePair, type SharedKey } from './score';

const phone = (value: string, current = true): SharedKey => ({ kind: 'phone', value, current });
const email = (value: string, current = true): SharedKey => ({ kind: 'email', value, current });
const tail = (value: string): SharedKey => ({ kind: 'phone-tail', value, current: true });
const mailbox = (value: string): SharedKey => ({ kind: 'email-name', value, current: true });

describe('the keys of a phone or an email', () => {
  it('a phone is its digits, and its last eight digits as a fragment', () => {
    expect(duplicateKeys('phone', '447911123456')).toEqual([
      { key: 'phone:447911123456', kind: 'phone' },
      { key: 'phone-tail:11123456', kind: 'phone-tail' },
    ]);
  });

  it('an email is its address, and its mailbox name as a fragment unless short or a role mailbox', () => {
    expect(duplicateKeys('email', 'ana.lopez@example.com').map(({ key }) => key)).toEqual(['email:ana.lopez@example.com', 'email-name:ana.lopez']);
    expect(duplicateKeys('email', 'ana@example.com').map(({ key }) => key)).toEqual(['email:ana@example.com']);
    expect(duplicateKeys('email', 'sales@example.com').map(({ key }) => key)).toEqual(['email:sales@example.com']);
  });

  it('tells a key back as its kind and value', () => {
    expect(describeKey('email:a:b@example.com')).toEqual({ kind: 'email', value: 'a:b@example.com' });
  });
});

describe('judging a pair', () => {
  it('given the same phone held now by both and the same name, when judged, then it is strong', () => {
    const verdict = judgePair({ shared: [phone('447911123456'), tail('11123456')], nameSimilarity: 1 });
    expect(verdict).toEqual({
      score: 85,
      strength: 'strong',
      reasons: [{ kind: 'same-phone', value: '447911123456', current: true }, { kind: 'similar-name', similarity: 1 }],
    });
  });

  it('given the same phone and different names, when judged, then it is likely, with no word on names', () => {
    expect(judgePair({ shared: [phone('447911123456')], nameSimilarity: 0.1 })).toEqual({
      score: 45, strength: 'likely', reasons: [{ kind: 'same-phone', value: '447911123456', current: true }],
    });
  });

  it('given an email one of them held only before, when judged, then it counts less', () => {
    expect(judgePair({ shared: [email('a@example.com', false)], nameSimilarity: 0 })).toMatchObject({ score: 30, strength: 'possible' });
  });

  it('given only a fragment, when the names are very similar, then it is a candidate; when not, it is not', () => {
    expect(judgePair({ shared: [mailbox('ana.lopez')], nameSimilarity: 0.75 })).toEqual({
      score: 45,
      strength: 'likely',
      reasons: [{ kind: 'email-name', value: 'ana.lopez' }, { kind: 'similar-name', similarity: 0.75 }],
    });
    expect(judgePair({ shared: [tail('11123456')], nameSimilarity: 0.49 })).toBeNull();
  });

  it('given nothing shared, when judged, then they are not candidates whatever their names', () => {
    expect(judgePair({ shared: [], nameSimilarity: 1 })).toBeNull();
  });

  it('caps the score at 100', () => {
    expect(judgePair({ shared: [phone('1'), phone('2'), email('a@b.c')], nameSimilarity: 1 })?.score).toBe(100);
  });
});

describe('grouping pairs', () => {
  const pair = (a: string, b: string, score: number): CandidatePair => ({ a, b, verdict: { score, strength: 'possible', reasons: [] } });

  it('given pairs that chain, when grouped, then the chain is one group as strong as its strongest pair', () => {
    const groups = groupPairs([pair('a', 'b', 30), pair('x', 'y', 60), pair('b', 'c', 90)]);
    expect(groups.map(({ leadIds, score, strength }) => ({ leadIds, score, strength }))).toEqual([
      { leadIds: ['a', 'b', 'c'], score: 90, strength: 'strong' },
      { leadIds: ['x', 'y'], score: 60, strength: 'likely' },
    ]);
    expect(groups[0]!.pairs.map(({ a, b }) => `${a}-${b}`)).toEqual(['b-c', 'a-b']);
  });

  it('given equal scores, when grouped, then the larger group comes first', () => {
    expect(groupPairs([pair('p', 'q', 50), pair('a', 'b', 50), pair('b', 'c', 50)]).map(({ leadIds }) => leadIds.length)).toEqual([3, 2]);
  });
});
