import { describe, expect, it } from 'vitest';
import type { Region } from '@/lib/leads/contact';
import { parseSearchQuery, type SearchQuery } from './query';

/** Given what the agent typed (in a region), when it is parsed, then it reads as `expected`. */
const given = (typed: string, region: Region = 'GB') => ({
  then: (expected: SearchQuery) => expect(parseSearchQuery(typed, region)).toEqual(expected),
  thenIsTooShort: (reason: RegExp) => {
    const query = parseSearchQuery(typed, region);
    expect(query.kind).toBe('too-short');
    expect(query.kind === 'too-short' && query.reason).toMatch(reason);
  },
});

const phone = (fragments: string[], exact: string[] = []): SearchQuery => ({ kind: 'phone', fragments, exact });

describe('when the agent types part of a phone number', () => {
  it.each([
    ['plain digits', '1234', ['1234']],
    ['digits with spaces', '123 456', ['123456']],
    ['digits with dashes', '123-456', ['123456']],
    ['digits with dots and slashes', '12.34/56', ['123456']],
    ['digits in brackets', '(123) 456', ['123456']],
    ['an international start', '+44 7911', ['447911']],
    ['an international start with the (0) trunk marker', '+44 (0)7911', ['447911']],
    ['a 00 international start', '0044 7911', ['00447911', '447911']],
    ['a 00 that is more likely the end of a number', '0018', ['0018']],
    ['a national start with the trunk 0', '07911', ['07911', '7911', '447911']],
    ['a trunk 0 in brackets', '(020) 7946', ['0207946', '207946', '44207946']],
    ['a 0 inside the digits', '946 0018', ['9460018']],
  ])('reads %s as fragments, and no exact number', (_, typed, fragments) => {
    given(typed).then(phone(fragments));
  });

  it('a national start with the trunk 0 reads the country code of the region', () => {
    given('0212 555', 'US').then(phone(['0212555', '212555', '1212555']));
  });
});

describe('when the agent types a whole phone number', () => {
  const mobile = ['447911123456'];
  it.each([
    ['national, with spaces', '07911 123456', ['07911123456', '7911123456', '447911123456'], mobile],
    ['national, without the trunk 0', '7911 123456', ['7911123456'], mobile],
    ['national, with brackets and a dash', '(020) 7946-0018', ['02079460018', '2079460018', '442079460018'], ['442079460018']],
    ['international with +', '+44 7911 123456', ['447911123456'], mobile],
    ['international with + and (0)', '+44 (0)7911 123456', ['447911123456'], mobile],
    ['international with 00', '0044 7911 123456', ['00447911123456', '447911123456'], mobile],
    ['international with + and a stray trunk 0', '+44 07911 123456', ['4407911123456'], mobile],
  ])('reads it %s, with its E.164 digits as the exact number', (_, typed, fragments, exact) => {
    given(typed).then(phone(fragments, exact));
  });

  it('another country\'s number typed with its country code is exact', () => {
    given('+1 (212) 555-0123').then(phone(['12125550123'], ['12125550123']));
  });

  it('another country\'s number typed without its country code is only a fragment', () => {
    given('212 555 0123').then(phone(['2125550123']));
  });

  it('the region decides how a national number is completed', () => {
    given('(212) 555-0123', 'US').then(phone(['2125550123'], ['12125550123']));
  });
});

describe('when the agent types a name or an email', () => {
  it.each([
    ['a name in any case', 'JOSÉ garcía', 'jose garcia'],
    ['a name with extra spaces', '  Zoë   Brontë ', 'zoe bronte'],
    ['a name fragment', 'iva', 'iva'],
    ['an email', 'Ana.Lima@Example.com', 'ana.lima@example.com'],
    ['an email domain', '@example.com', '@example.com'],
    ['text with LIKE wildcards, kept as typed', 'ana_%', 'ana_%'],
    ['letters and digits', 'flat 12', 'flat 12'],
  ])('reads %s as normalised text', (_, typed, normalized) => {
    given(typed).then({ kind: 'text', normalized });
  });
});

describe('when the agent has not typed enough', () => {
  it.each([
    ['three digits', '123'],
    ['three digits with a country code marker', '+44'],
    ['a (0) marker and three digits', '+4 (0) 12'],
  ])('%s asks for 4 digits', (_, typed) => {
    given(typed).thenIsTooShort(/at least 4 digits/);
  });

  it.each([
    ['two letters', 'ab'],
    ['one accented letter and a space', 'é '],
    ['nothing', ''],
    ['only spaces', '   '],
    ['a lone plus', '+'],
  ])('%s asks for 3 letters', (_, typed) => {
    given(typed).thenIsTooShort(/at least 3 letters/);
  });
});
