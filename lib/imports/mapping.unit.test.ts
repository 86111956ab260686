import { describe, expect, it } from 'vitest';
import { guessMapping, splitValues, toRecords } from './mapping';

describe('guessing the columns from the header', () => {
  it('knows the usual names, whatever their case and punctuation', () => {
    expect(guessMapping(['Full Name', 'Phone', 'E-mail', 'Lead source', 'Owner email'])).toEqual({
      name: 0, phones: 1, emails: 2, source: 3, ownerEmail: 4,
    });
  });

  it('takes a header containing a known name, but not an email column for the name', () => {
    expect(guessMapping(['Contact email', 'Work phone', 'Customer', 'Agent'])).toEqual({
      name: 2, phones: 1, emails: 0, source: null, ownerEmail: 3,
    });
  });

  it('prefers an exact header to one that merely contains the name, and uses each column once', () => {
    expect(guessMapping(['Mobile phone', 'Phone', 'Name'])).toMatchObject({ phones: 1, name: 2 });
    expect(guessMapping(['Email', 'Email'])).toMatchObject({ emails: 0, ownerEmail: null });
  });

  it('leaves fields without a matching column unmapped', () => {
    expect(guessMapping(['Notes', 'Company'])).toEqual({ name: null, phones: null, emails: null, source: null, ownerEmail: null });
  });
});

describe('mapped rows', () => {
  it('take the mapped cells, trimmed, and empty strings for unmapped fields', () => {
    const mapping = { name: 1, phones: 0, emails: null, source: 2, ownerEmail: null };
    expect(toRecords([[' 07911 123456 ', ' Jane ', 'web', 'ignored']], mapping)).toEqual([['Jane', '07911 123456', '', 'web', '']]);
  });

  it('may hold several phones or emails in one cell', () => {
    expect(splitValues('07911 123456; 020 7946 0000,  | x@example.com')).toEqual(['07911 123456', '020 7946 0000', 'x@example.com']);
    expect(splitValues('  ')).toEqual([]);
  });
});
