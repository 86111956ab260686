import { describe, expect, it } from 'vitest';
import { conflictsWith, type LeadCommand, type LeadEventType } from '@/lib/leads';

const now = new Date('2026-03-01T10:00:00Z');
const tomorrow = new Date('2026-03-02T09:00:00Z');
const landline = { e164: '+442079460018', raw: '020 7946 0018' };

type CommandOf<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>;
const command = <T extends LeadCommand['type']>(type: T, data: CommandOf<T>['data']): LeadCommand =>
  ({ type, data, metadata: { now } }) as LeadCommand;
const contactChange = (change: Partial<CommandOf<'ChangeContactInfo'>['data']>) =>
  command('ChangeContactInfo', { addPhones: [], removePhones: [], addEmails: [], removeEmails: [], ...change });

const ALL_EVENT_TYPES: readonly LeadEventType[] = [
  'LeadRegistered',
  'NameChanged',
  'PhoneAdded',
  'PhoneRemoved',
  'EmailAdded',
  'EmailRemoved',
  'StatusChanged',
  'FollowUpScheduled',
  'FollowUpCleared',
  'LeadAssigned',
  'NoteAdded',
  'CallOutcomeRecorded',
];

/** The event types, written meanwhile by someone else, that collide with the command. */
const collisionsOf = (cmd: LeadCommand) => ALL_EVENT_TYPES.filter((type) => conflictsWith(cmd, { type }));

describe('which concurrent changes collide with a command', () => {
  it.each<[string, LeadCommand, LeadEventType[]]>([
    ['RegisterLead', command('RegisterLead', { leadId: 'lead-1', name: 'Jane', phones: [landline], emails: [], source: 'manual', ownerId: null }), ['LeadRegistered']],
    ['ChangeName', command('ChangeName', { name: 'Jo' }), ['NameChanged']],
    ['ChangeContactInfo on phones only', contactChange({ addPhones: [landline] }), ['PhoneAdded', 'PhoneRemoved']],
    ['ChangeContactInfo on emails only', contactChange({ removeEmails: ['jane@example.com'] }), ['EmailAdded', 'EmailRemoved']],
    [
      'ChangeContactInfo on both',
      contactChange({ removePhones: [landline.e164], addEmails: ['jd@example.com'] }),
      ['PhoneAdded', 'PhoneRemoved', 'EmailAdded', 'EmailRemoved'],
    ],
    ['ChangeStatus', command('ChangeStatus', { status: 'Closed', followUpAt: null }), ['StatusChanged', 'FollowUpScheduled', 'FollowUpCleared']],
    ['SetFollowUp', command('SetFollowUp', { at: tomorrow }), ['StatusChanged', 'FollowUpScheduled', 'FollowUpCleared']],
    ['ClearFollowUp', command('ClearFollowUp', {}), ['StatusChanged', 'FollowUpScheduled', 'FollowUpCleared']],
    ['AssignLead', command('AssignLead', { ownerId: 'agent-1' }), ['LeadAssigned']],
    ['AddNote', command('AddNote', { noteId: 'note-1', text: 'Hi' }), []],
    ['RecordCallOutcome', command('RecordCallOutcome', { outcome: 'busy', phone: null, notes: null, callbackAt: null, agentId: null }), []],
  ])('%s collides exactly with its own field', (_, cmd, expected) => {
    expect(collisionsOf(cmd)).toEqual(expected);
  });
});

describe('the cases agents run into', () => {
  it('refuses a follow-up set on a lead whose status changed meanwhile', () => {
    expect(conflictsWith(command('SetFollowUp', { at: tomorrow }), { type: 'StatusChanged' })).toBe(true);
  });

  it('refuses a status change when a follow-up was scheduled meanwhile', () => {
    expect(conflictsWith(command('ChangeStatus', { status: 'Closed', followUpAt: null }), { type: 'FollowUpScheduled' })).toBe(true);
  });

  it('lets a rename through when only the status changed meanwhile', () => {
    expect(conflictsWith(command('ChangeName', { name: 'Jo' }), { type: 'StatusChanged' })).toBe(false);
  });

  it('refuses a rename when the lead was renamed meanwhile', () => {
    expect(conflictsWith(command('ChangeName', { name: 'Jo' }), { type: 'NameChanged' })).toBe(true);
  });

  it('lets an email change through a phone added meanwhile, but not an email removed meanwhile', () => {
    const emailChange = contactChange({ addEmails: ['jd@example.com'] });
    expect(conflictsWith(emailChange, { type: 'PhoneAdded' })).toBe(false);
    expect(conflictsWith(emailChange, { type: 'EmailRemoved' })).toBe(true);
  });

  it('never refuses a note', () => {
    const note = command('AddNote', { noteId: 'note-1', text: 'Hi' });
    expect(ALL_EVENT_TYPES.some((type) => conflictsWith(note, { type }))).toBe(false);
  });

  it('refuses an assignment when the lead was assigned meanwhile, not when it was renamed', () => {
    const assign = command('AssignLead', { ownerId: 'agent-2' });
    expect(conflictsWith(assign, { type: 'LeadAssigned' })).toBe(true);
    expect(conflictsWith(assign, { type: 'NameChanged' })).toBe(false);
  });

  it('does not collide with event types it does not know', () => {
    expect(conflictsWith(command('ChangeName', { name: 'Jo' }), { type: 'LeadArchived' })).toBe(false);
  });
});
