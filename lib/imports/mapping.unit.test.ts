import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { guessMapping, mappingFromParam, mappingParam, splitValues, toRecords } from './mapping';

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

describe('the mapping as a query parameter', () => {
  const headers = ['Name', 'Phone', 'Email', 'Notes'];

  it('goes there and back, empty for a field not in the file', () => {
    const mapping = { name: 0, phones: 1, emails: null, source: 3, ownerEmail: null };
    expect(mappingParam(mapping)).toBe('0,1,,3,');
    expect(mappingFromParam('0,1,,3,', headers)).toEqual(mapping);
  });

  it('is guessed from the header names when not given', () => {
    expect(mappingFromParam(null, headers)).toEqual(guessMapping(headers));
  });

  it('refuses a column the file does not have, or a list of the wrong length, on the field mapping', () => {
    expect(() => mappingFromParam('0,4,,,', headers)).toThrow('mapping: Phone(s): the file has no column 4 (it has 4, counted from 0)');
    expect(() => mappingFromParam('0,x,,,', headers)).toThrow(ValidationError);
    expect(() => mappingFromParam('0,1', headers)).toThrow('mapping: mapping names a column for each of name, phones, emails, source, ownerEmail');
  });
});
