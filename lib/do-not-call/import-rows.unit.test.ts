import { describe, expect, it } from 'vitest';
import { guessMapping, mappingFromParam, mappingParam, toRecords } from '@/lib/imports/mapping';
import { importSource } from './do-not-call';
import { DEFAULT_IMPORT_REASON, DNC_IMPORT_ROWS, dncRowChecker, type ListedNumber } from './import-rows';

const IMPORT_ID = '0a1b2c3d-0000-8000-8000-000000000001';

function check(records: string[][], listed: Record<string, ListedNumber> = {}, first = 0) {
  const checker = dncRowChecker({ region: 'GB', importId: IMPORT_ID });
  return checker.check(checker.read(records, first), new Map(Object.entries(listed)));
}

describe('the columns of a do-not-call file', () => {
  it('are guessed from the header names people use', () => {
    expect(guessMapping(['Telephone', 'Notes'], DNC_IMPORT_ROWS)).toEqual({ phone: 0, reason: 1 });
    expect(guessMapping(['Customer', 'Mobile number', 'Why'], DNC_IMPORT_ROWS)).toEqual({ phone: 1, reason: 2 });
    expect(guessMapping(['Number'], DNC_IMPORT_ROWS)).toEqual({ phone: 0, reason: null });
  });

  it('travel as a parameter naming a column for the number and one for the reason', () => {
    const headers = ['Reason', 'Phone'];
    expect(mappingParam({ phone: 1, reason: 0 }, DNC_IMPORT_ROWS)).toBe('1,0');
    expect(mappingFromParam('1,', headers, DNC_IMPORT_ROWS)).toEqual({ phone: 1, reason: null });
    expect(() => mappingFromParam('0,1,2,3,4', headers, DNC_IMPORT_ROWS)).toThrow('mapping names a column for each of phone, reason');
    expect(() => mappingFromParam('7,', headers, DNC_IMPORT_ROWS)).toThrow('Phone number: the file has no column 7');
    expect(toRecords([['  Moved away ', ' 07911 123456 ', 'x']], { phone: 1, reason: 0 }, DNC_IMPORT_ROWS)).toEqual([['07911 123456', 'Moved away']]);
  });
});

describe('a row of a do-not-call file', () => {
  it('becomes a number in E.164 with its reason, or the list\u2019s default reason', () => {
    expect(check([['07911 123456', 'Asked by letter'], ['+1 (212) 555-0123', '']])).toEqual([
      { index: 0, errors: [], row: { phone: '+447911123456', shown: '07911 123456', reason: 'Asked by letter' } },
      { index: 1, errors: [], row: { phone: '+12125550123', shown: '+1 (212) 555-0123', reason: DEFAULT_IMPORT_REASON } },
    ]);
  });

  it('with a malformed or missing number is listed with the problem and skipped', () => {
    expect(check([['12345', 'x'], ['', 'x'], ['not a number', 'x']], {}, 10)).toEqual([
      { index: 10, errors: ['"12345" is not a valid phone number'], row: null },
      { index: 11, errors: ['Phone number is required'], row: null },
      { index: 12, errors: ['"not a number" is not a valid phone number'], row: null },
    ]);
  });

  it('repeating an earlier line\u2019s number, in any format and any batch, is skipped naming that line', () => {
    const checker = dncRowChecker({ region: 'GB', importId: IMPORT_ID });
    const first = checker.check(checker.read([['07911 123456', 'a'], ['12345', 'b']], 0), new Map());
    const second = checker.check(checker.read([['+44 7911 123456', 'c']], 2), new Map());
    expect(first.map((row) => row.errors)).toEqual([[], ['"12345" is not a valid phone number']]);
    expect(second).toEqual([{ index: 2, errors: ['Duplicate of line 2: same number +44 7911 123456'], row: null }]);
  });

  it('of a number already on the list is skipped, saying since when, unless this import put it there', () => {
    const listed = { '+447911123456': { source: 'manual', blockedAt: '2026-12-02T10:00:00.000Z' } };
    expect(check([['07911 123456', 'x']], listed)[0]).toEqual({ index: 0, errors: ['07911 123456 is already on the do-not-call list (since 2 Dec 2026)'], row: null });
    const ownEarlierRun = { '+447911123456': { source: importSource(IMPORT_ID), blockedAt: '2026-12-02T10:00:00.000Z' } };
    expect(check([['07911 123456', 'x']], ownEarlierRun)[0]!.row).toMatchObject({ phone: '+447911123456' });
  });

  it('asks the list only about the numbers it could block', () => {
    const checker = dncRowChecker({ region: 'GB', importId: IMPORT_ID });
    expect(checker.read([['07911 123456', ''], ['bad', ''], ['+447911123456', '']], 0).phones).toEqual(['+447911123456']);
  });
});
