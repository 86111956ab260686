import { isRecognisedPhone } from './contact';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { parseLeadCommand } from '@/lib/leads/schemas';

const now = new Date('2026-03-01T10:00:00Z');
const leadId = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';
const parse = (input: unknown) => parseLeadCommand(input, { region: 'GB', now });
const register = (data: Record<string, unknown>) => parse({ type: 'RegisterLead', data: { leadId, name: 'Jane Doe', ...data } });

/** The issues of the ValidationError the input is refused with. */
function issuesOf(input: unknown) {
  let thrown: unknown;
  try {
    parse(input);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the input should have been refused').toBeInstanceOf(ValidationError);
  return (thrown as ValidationError).issues;
}
const fieldsOf = (input: unknown) => issuesOf(input).map((issue) => issue.field);
const registerInput = (data: Record<string, unknown>) => ({ type: 'RegisterLead', data: { leadId, name: 'Jane Doe', phones: ['07911 123456'], ...data } });

describe('a valid RegisterLead', () => {
  it('is normalised, with the time of the request on the metadata', () => {
    expect(register({ name: '  Jane Doe ', phones: ['07911 123456'], emails: [' Jane.Doe@Example.COM '] })).toEqual({
      type: 'RegisterLead',
      data: {
        leadId,
        name: 'Jane Doe',
        phones: [{ e164: '+447911123456', raw: '07911 123456' }],
        emails: ['jane.doe@example.com'],
        source: 'manual',
        ownerId: null,
      },
      metadata: { now },
    });
  });

  it.each([
    ['a UK mobile', '07911 123456', '+447911123456'],
    ['a UK mobile in international form with (0)', '+44 (0)7911-123456', '+447911123456'],
    ['a London number', '020 7946 0018', '+442079460018'],
    ['a London number with 0044', '0044 20 7946 0018', '+442079460018'],
    ['a US number with its country code', '+1 212 555 0123', '+12125550123'],
  ])('reads %s in a GB tenant as E.164, keeping what was typed', (_, raw, e164) => {
    const command = register({ phones: [` ${raw} `] });
    expect(command.data).toMatchObject({ phones: [{ e164, raw }] });
  });

  it('accepts a lead with only an email', () => {
    expect(register({ emails: ['jane@example.com'] }).data).toMatchObject({ phones: [], emails: ['jane@example.com'] });
  });

  it('keeps the given source and owner', () => {
    expect(register({ emails: ['jane@example.com'], source: ' web form ', ownerId: 'agent-1' }).data).toMatchObject({
      source: 'web form',
      ownerId: 'agent-1',
    });
  });
});

describe('phone numbers', () => {
  it('takes a number from a range newer than the phone metadata (UK drama range), and refuses one that cannot exist', () => {
    expect(register({ phones: ['07700 900123'] }).data).toMatchObject({ phones: [{ e164: '+447700900123', raw: '07700 900123' }] });
    expect(isRecognisedPhone('+447700900123')).toBe(false);
    expect(isRecognisedPhone('+447911123456')).toBe(true);
    expect(fieldsOf({ type: 'RegisterLead', data: { leadId: '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c', name: 'X', phones: ['07700 9001234 5'] } })).toEqual(['phones.0']);
    expect(fieldsOf({ type: 'RegisterLead', data: { leadId: '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c', name: 'X', phones: ['+999 123456789'] } })).toEqual(['phones.0']);
  });
});

describe('a RegisterLead with bad fields', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a malformed phone', { phones: ['07911 123456', '0791'] }, ['phones.1']],
    ['a blank phone', { phones: ['   '] }, ['phones.0']],
    ['a malformed email', { emails: ['jane@example.com', 'jane@'] }, ['emails.1']],
    ['no name', { name: undefined }, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a name that is not text', { name: 42 }, ['name']],
    ['phones that are not a list', { phones: 'x' }, ['phones']],
    ['no phone and no email', { phones: [], emails: [] }, ['phones']],
    ['a lead id that is not a UUID', { leadId: 'lead-1' }, ['leadId']],
    ['the same phone in two formats', { phones: ['07911 123456', '020 7946 0018', '+44 7911 123456'] }, ['phones.2']],
    ['the same email in two cases', { emails: ['jane@example.com', ' JANE@example.com'] }, ['emails.1']],
  ])('names the field for %s', (_, data, fields) => {
    expect(fieldsOf(registerInput(data))).toEqual(fields);
  });

  it('says what is wrong with a phone', () => {
    expect(issuesOf(registerInput({ phones: ['0791'] }))).toEqual([{ field: 'phones.0', message: '"0791" is not a valid phone number' }]);
  });

  it('reports every bad field of one input at once', () => {
    const input = { type: 'RegisterLead', data: { leadId: 'nope', name: '   ', phones: ['12345'], emails: ['jane@example.com', 'not-an-email'] } };
    expect(fieldsOf(input)).toEqual(['leadId', 'name', 'phones.0', 'emails.1']);
  });

  it('reports a missing contact together with a bad name', () => {
    expect(fieldsOf({ type: 'RegisterLead', data: { leadId, name: '' } })).toEqual(['name', 'phones']);
  });

  it('reports an unknown extra field by name', () => {
    expect(issuesOf(registerInput({ colour: 'red' }))).toEqual([{ field: 'colour', message: 'Unknown field "colour"' }]);
  });
});

describe('the limits of what a command may hold', () => {
  const phones = (count: number) => Array.from({ length: count }, (_, i) => `07911 1234${String(i).padStart(2, '0')}`);
  const emails = (count: number) => Array.from({ length: count }, (_, i) => `jane${i}@example.com`);
  const longText = (length: number) => 'x'.repeat(length);

  it('takes 10 phones and 10 emails on a new lead, and refuses an 11th of either', () => {
    expect(register({ phones: phones(10), emails: emails(10) }).data).toMatchObject({ phones: expect.any(Array), emails: expect.any(Array) });
    expect(issuesOf(registerInput({ phones: phones(11) }))).toEqual([{ field: 'phones', message: 'A lead holds at most 10 phones' }]);
    expect(issuesOf(registerInput({ emails: emails(11) }))).toEqual([{ field: 'emails', message: 'A lead holds at most 10 emails' }]);
  });

  it('refuses more than 10 phones or emails to add or remove at once', () => {
    expect(fieldsOf({ type: 'ChangeContactInfo', data: { addPhones: phones(11) } })).toEqual(['addPhones']);
    expect(fieldsOf({ type: 'ChangeContactInfo', data: { removeEmails: emails(11) } })).toEqual(['removeEmails']);
  });

  it.each<[string, unknown, string, string]>([
    ['a name', registerInput({ name: longText(201) }), 'name', 'Name must be at most 200 characters'],
    ['a new name', { type: 'ChangeName', data: { name: longText(201) } }, 'name', 'Name must be at most 200 characters'],
    ['a source', registerInput({ source: longText(101) }), 'source', 'Source must be at most 100 characters'],
    ['a note', { type: 'AddNote', data: { noteId: leadId, text: longText(5001) } }, 'text', 'Note must be at most 5,000 characters'],
    ['call notes', { type: 'RecordCallOutcome', data: { outcome: 'sale', notes: longText(2001) } }, 'notes', 'Call notes must be at most 2,000 characters'],
    ['a phone', registerInput({ phones: [`07911 123456${' '.repeat(50)}`] }), 'phones.0', 'A phone number has at most 50 characters'],
    ['an email', registerInput({ emails: [`${longText(250)}@example.com`] }), 'emails.0', 'An email address has at most 254 characters'],
    ['an owner id', { type: 'AssignLead', data: { ownerId: longText(201) } }, 'ownerId', 'Owner must be a user id'],
  ])('refuses %s that is too long, saying the limit', (_, input, field, message) => {
    expect(issuesOf(input)).toEqual([{ field, message }]);
  });

  it('takes text up to each limit', () => {
    expect(parse(registerInput({ name: longText(200), source: longText(100) })).data).toMatchObject({ name: longText(200), source: longText(100) });
    expect(parse({ type: 'AddNote', data: { noteId: leadId, text: longText(5000) } }).data).toMatchObject({ text: longText(5000) });
    expect(parse({ type: 'RecordCallOutcome', data: { outcome: 'sale', notes: longText(2000) } }).data).toMatchObject({ notes: longText(2000) });
  });
});

describe('the command envelope', () => {
  it.each([
    ['an unknown command type', { type: 'DeleteLead', data: {} }],
    ['no command type', { data: { name: 'Jo' } }],
  ])('refuses %s on the field type', (_, input) => {
    expect(fieldsOf(input)).toEqual(['type']);
  });

  it('reads a command without data as one with no fields', () => {
    expect(parse({ type: 'ClearFollowUp', data: null })).toEqual({ type: 'ClearFollowUp', data: {}, metadata: { now } });
    expect(parse({ type: 'ClearFollowUp' })).toEqual({ type: 'ClearFollowUp', data: {}, metadata: { now } });
  });
});

describe('ChangeStatus', () => {
  it('reads the follow-up date', () => {
    expect(parse({ type: 'ChangeStatus', data: { status: 'FollowUp', followUpAt: '2026-03-02T09:00:00Z' } }).data).toEqual({
      status: 'FollowUp',
      followUpAt: new Date('2026-03-02T09:00:00Z'),
    });
  });

  it('defaults to no follow-up date', () => {
    expect(parse({ type: 'ChangeStatus', data: { status: 'Closed' } }).data).toEqual({ status: 'Closed', followUpAt: null });
  });

  it('refuses an unknown status', () => {
    expect(issuesOf({ type: 'ChangeStatus', data: { status: 'Won' } })).toEqual([
      { field: 'status', message: 'Status must be one of Available, FollowUp, Closed, Converted' },
    ]);
  });

  it.each(['next tuesday', '', '2026-13-45T10:00:00Z'])('refuses the follow-up date %j', (followUpAt) => {
    expect(fieldsOf({ type: 'ChangeStatus', data: { status: 'FollowUp', followUpAt } })).toEqual(['followUpAt']);
  });
});

describe('the other commands', () => {
  it.each(['soon', null, true, 1234, '31/12/2026'])('refuses a follow-up time that is not a date: %s', (at) => {
    expect(issuesOf({ type: 'SetFollowUp', data: { at } })).toEqual([{ field: 'at', message: 'Follow-up date must be a date and time' }]);
  });

  it('says a missing name is required', () => {
    expect(issuesOf({ type: 'ChangeName', data: {} })).toEqual([{ field: 'name', message: 'Name is required' }]);
  });

  it('refuses an email listed twice for removal', () => {
    expect(fieldsOf({ type: 'ChangeContactInfo', data: { removeEmails: ['x@y.com', ' X@Y.COM'] } })).toEqual(['removeEmails.1']);
  });

  it('normalises phones and emails to remove to what the lead holds', () => {
    expect(parse({ type: 'ChangeContactInfo', data: { removePhones: ['+44 20 7946 0018'], removeEmails: [' Jane@Example.com'] } }).data).toEqual({
      addPhones: [],
      removePhones: ['+442079460018'],
      addEmails: [],
      removeEmails: ['jane@example.com'],
    });
  });

  it('refuses a contact change that changes nothing', () => {
    expect(fieldsOf({ type: 'ChangeContactInfo', data: {} })).toEqual(['addPhones']);
  });

  it('names a bad phone to add', () => {
    expect(fieldsOf({ type: 'ChangeContactInfo', data: { addPhones: ['020 7946 0018', 'abc'] } })).toEqual(['addPhones.1']);
  });

  it('refuses an empty note and a note id that is not a UUID', () => {
    expect(fieldsOf({ type: 'AddNote', data: { noteId: 'note-1', text: '   ' } })).toEqual(['noteId', 'text']);
  });

  it('reads blank call notes as none, the dialled number in E.164, and refuses a missing outcome (the tenant\u2019s dispositions are checked when it is decided)', () => {
    expect(parse({ type: 'RecordCallOutcome', data: { outcome: 'sale', notes: '  ', phone: '07911 123456' } }).data).toEqual({
      outcome: 'sale', notes: null, phone: '+447911123456', callbackAt: null, agentId: null,
    });
    expect(fieldsOf({ type: 'RecordCallOutcome', data: { outcome: '' } })).toEqual(['outcome']);
    expect(fieldsOf({ type: 'RecordCallOutcome', data: { outcome: 'no-answer', phone: '12' } })).toEqual(['phone']);
  });

  it('takes IANA time zones only, and a reason for skipping, do-not-call and recycling', () => {
    expect(parse({ type: 'SetTimeZone', data: { timeZone: 'America/New_York' } }).data).toEqual({ timeZone: 'America/New_York' });
    expect(parse({ type: 'SetTimeZone', data: { timeZone: null } }).data).toEqual({ timeZone: null });
    expect(fieldsOf({ type: 'SetTimeZone', data: { timeZone: 'Mars/Olympus' } })).toEqual(['timeZone']);
    for (const type of ['SkipLead', 'RequestDoNotCall', 'LiftDoNotCall', 'RecycleLead']) expect(fieldsOf({ type, data: { reason: '   ' } })).toEqual(['reason']);
  });

  it('refuses ClaimLead from a client: "next lead" claims leads itself', () => {
    expect(fieldsOf({ type: 'ClaimLead', data: { agentId: 'ana', tier: 'fresh' } })).toEqual(['type']);
  });

  it('refuses an owner that is not a user id', () => {
    expect(fieldsOf({ type: 'AssignLead', data: { ownerId: '' } })).toEqual(['ownerId']);
  });
});
