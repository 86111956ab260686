import { describe, expect, it } from 'vitest';
import { contactKey } from '@/lib/read/search-terms/normalize';
import { checkRows, DEFAULT_SOURCE, rowChecker, type CheckContext, type ExistingContacts, type ExistingLead } from './check-rows';
import type { ImportRecord } from './mapping';

const leadIdFor = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
const context = (existing: Record<string, ExistingLead> = {}): CheckContext & { existing: ExistingContacts } => ({
  region: 'GB',
  now: new Date('2026-03-01T10:00:00Z'),
  owners: new Map([['ana@northwind.example', 'ana']]),
  existing: new Map(Object.entries(existing)),
  leadIdFor,
});
const row = (name: string, phones = '', emails = '', source = '', owner = ''): ImportRecord => [name, phones, emails, source, owner];
const errorsOf = (records: ImportRecord[], ctx = context()) => checkRows(records, ctx).map((check) => check.errors);

describe('a good row', () => {
  it('becomes RegisterLead data with the row lead id, its owner and a default source', () => {
    expect(checkRows([row('Jane Doe', '07911 123456; 020 7946 0000', 'Jane@Example.com', '', 'ANA@northwind.example')], context())).toEqual([
      {
        index: 0,
        errors: [],
        notes: [],
        lead: { leadId: leadIdFor(0), name: 'Jane Doe', phones: ['07911 123456', '020 7946 0000'], emails: ['Jane@Example.com'], source: DEFAULT_SOURCE, ownerId: 'ana' },
      },
    ]);
  });

  it('may have only a phone or only an email, and no owner', () => {
    expect(errorsOf([row('A', '07911 123456'), row('B', '', 'b@example.com')])).toEqual([[], []]);
  });
});

describe('a bad row', () => {
  it('names a bad phone, a bad email and a missing name', () => {
    expect(errorsOf([row('Jane', '12345'), row('John', '', 'not-an-email'), row('', '07911 123456')])).toEqual([
      ['"12345" is not a valid phone number'],
      ['"not-an-email" is not a valid email address'],
      ['Name is required'],
    ]);
  });

  it('needs a phone or an email, and an owner email of the organisation', () => {
    expect(errorsOf([row('Jane'), row('John', '07911 123456', '', '', 'zoe@elsewhere.example')])).toEqual([
      ['Give at least one phone or email'],
      ['No user with email zoe@elsewhere.example in your organisation'],
    ]);
  });

  it('is not imported', () => {
    expect(checkRows([row('', '12345')], context())[0]!.lead).toBeNull();
  });
});

describe('duplicates', () => {
  it('of an earlier row, by phone in any format or email in any case, name the line of the first', () => {
    expect(errorsOf([row('A', '07911 123456'), row('B', '+44 7911 123456'), row('C', '', 'c@example.com'), row('D', '', 'C@EXAMPLE.COM ')])).toEqual([
      [],
      ['Duplicate of line 2: same phone +44 7911 123456'],
      [],
      ['Duplicate of line 4: same email c@example.com'],
    ]);
  });

  it('only count rows that will be imported', () => {
    expect(errorsOf([row('', '07911 123456'), row('B', '07911 123456')])).toEqual([['Name is required'], []]);
  });

  it('of an existing lead name that lead', () => {
    const existing = { [contactKey('phone', '447911123456')]: { leadId: 'someone-else', name: 'Oscar Brown', current: true } };
    expect(errorsOf([row('Oscar B', '07911 123456')], context(existing))).toEqual([['Duplicate of existing lead Oscar Brown: same phone 07911 123456']]);
  });

  it('are not found against the lead an earlier run of the same import stored for this row', () => {
    const existing = { [contactKey('email', 'jane@example.com')]: { leadId: leadIdFor(0), name: 'Jane', current: true } };
    expect(errorsOf([row('Jane', '', 'jane@example.com'), row('Jane again', '', 'jane@example.com')], context(existing))).toEqual([
      [],
      ['Duplicate of line 2: same email jane@example.com', 'Duplicate of existing lead Jane: same email jane@example.com'],
    ]);
  });

  it('of a lead that held the phone before are noted, and the row is still imported', () => {
    const existing = { [contactKey('phone', '447911123456')]: { leadId: 'someone-else', name: 'Oscar Brown', current: false } };
    const [check] = checkRows([row('Olga B', '07911 123456')], context(existing));
    expect(check).toMatchObject({ errors: [], notes: ['Possible duplicate of existing lead Oscar Brown: it held phone 07911 123456 before'] });
    expect(check!.lead).not.toBeNull();
  });
});

describe('a file checked batch by batch', () => {
  it('numbers the rows through the file and finds a duplicate of a row in an earlier batch', () => {
    const checker = rowChecker(context());
    const first = checker.check(checker.read([row('A', '07911 123456'), row('B', '', 'b@example.com')], 0), new Map());
    const second = checker.check(checker.read([row('C', '', 'B@example.com'), row('D', '+44 7911 123456')], 2), new Map());
    expect([...first, ...second].map(({ index, errors }) => [index, errors])).toEqual([
      [0, []],
      [1, []],
      [2, ['Duplicate of line 3: same email b@example.com']],
      [3, ['Duplicate of line 2: same phone +44 7911 123456']],
    ]);
    expect(second[0]!.lead).toBeNull();
  });

  it('refuses a row with more than 10 phones in its cell, as a lead holds at most 10', () => {
    const phones = Array.from({ length: 11 }, (_, i) => `07911 1234${String(i).padStart(2, '0')}`).join('; ');
    expect(errorsOf([row('Jane', phones)])).toEqual([['A lead holds at most 10 phones']]);
  });
});

describe('the contacts to look up', () => {
  it('are the phones (E.164 digits) and emails (lower case) of the rows that can be registered, each once', () => {
    const read = rowChecker(context()).read([row('A', '07911 123456', 'A@x.example'), row('B', '+44 7911 123456'), row('C', '07911 654321; 12345')], 0);
    expect(read.contactKeys).toEqual(['phone:447911123456', 'email:a@x.example']);
  });
});
