import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConcurrencyError, ConflictError, IllegalStateError, ValidationError } from '@/lib/errors';
import { describeError } from '@/lib/present/error-text';
import { leadAggregate } from '@/lib/leads';
import { loadAggregate } from './aggregate';
import { testDb } from '@/lib/testing/database';
import { executeLeadCommand, type CommandContext } from './lead-commands';
import { createSystem } from '@/lib/system';
import { nextLead } from './next-lead';

const system = createSystem(testDb({ poolSize: 12 }));
const { store, dialing } = system;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

function tenant() {
  const tenantId = `tenant-${randomUUID()}`;
  const as = (actorId: string): CommandContext => ({ tenantId, actorId, region: 'GB', dialing });
  return { tenantId, ana: as('ana'), ben: as('ben') };
}

async function registerLead(context: CommandContext, data: Record<string, unknown> = {}) {
  const leadId = randomUUID();
  await executeLeadCommand(store, context, {
    type: 'RegisterLead',
    data: { leadId, name: 'Stefan Ivanov', phones: ['020 7946 0018'], emails: ['Stefan@Example.com'], source: 'web', ...data },
  });
  return leadId;
}

const events = async (tenantId: string, leadId: string) => (await store.readStream(tenantId, leadId)).map((e) => e.type);

describe('carrying out lead commands', () => {
  it('appends the decided events with the actor, and returns the new version and position', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    const result = await executeLeadCommand(store, ana, { type: 'ChangeName', leadId, expectedVersion: 1, data: { name: 'Stefan P. Ivanov' } });

    expect(result).toMatchObject({ version: 2, duplicate: false, merged: false });
    expect(result.position).toBeGreaterThan(0n);
    const stored = await store.readStream(tenantId, leadId);
    expect(stored.map((e) => e.type)).toEqual(['LeadRegistered', 'NameChanged']);
    expect(stored[0]!.data).toMatchObject({ phones: [{ e164: '+442079460018', raw: '020 7946 0018' }], emails: ['stefan@example.com'] });
    expect(stored[1]!.metadata).toMatchObject({ actor: 'ana' });
  });

  it('the same command id twice is carried out once', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    const command = { type: 'AddNote', leadId, commandId: randomUUID(), data: { noteId: randomUUID(), text: 'Asked for a quote' } };
    const first = await executeLeadCommand(store, ana, command);
    const second = await executeLeadCommand(store, ana, command);
    expect(second).toMatchObject({ duplicate: true, version: first.version, position: first.position });
    expect(await events(tenantId, leadId)).toEqual(['LeadRegistered', 'NoteAdded']);
  });

  it('a command id reused for a different command is refused, and nothing is stored', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    const commandId = randomUUID();
    await executeLeadCommand(store, ana, { type: 'ChangeName', leadId, expectedVersion: 1, commandId, data: { name: 'Stefan P. Ivanov' } });
    const reused = executeLeadCommand(store, ana, { type: 'ChangeName', leadId, expectedVersion: 1, commandId, data: { name: 'Someone Else' } });
    await expect(reused).rejects.toMatchObject({ code: 'command.id-reused', field: 'commandId' });
    await expect(executeLeadCommand(store, ana, { type: 'AddNote', leadId, commandId, data: { noteId: randomUUID(), text: 'x' } })).rejects.toBeInstanceOf(IllegalStateError);
    expect(await events(tenantId, leadId)).toEqual(['LeadRegistered', 'NameChanged']);
  });

  it('a retry that loaded before its first attempt committed gets that attempt’s result, not a conflict with itself', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    const rename = { type: 'ChangeName', leadId, expectedVersion: 1, commandId: randomUUID(), data: { name: 'Stefan P. Ivanov' } };
    // The retry loads and decides before the first attempt runs, and appends just after it commits.
    let firstDone!: () => void;
    let decided!: () => void;
    const firstCommitted = new Promise<void>((resolve) => (firstDone = resolve));
    const retryDecided = new Promise<void>((resolve) => (decided = resolve));
    const retryStore = {
      ...store,
      append: async (...args: Parameters<typeof store.append>) => {
        decided();
        await firstCommitted;
        return store.append(...args);
      },
    };
    const retry = executeLeadCommand(retryStore, ana, rename);
    await retryDecided; // it found no result and version 1: the first attempt has not run yet
    const first = await executeLeadCommand(store, ana, rename);
    firstDone();
    await expect(retry).resolves.toMatchObject({ duplicate: true, version: first.version, position: first.position });
    expect(await events(tenantId, leadId)).toEqual(['LeadRegistered', 'NameChanged']);
  });

  it('a retry that loads after its first attempt committed gets its result from the same read', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    const rename = { type: 'ChangeName', leadId, expectedVersion: 1, commandId: randomUUID(), data: { name: 'Stefan P. Ivanov' } };
    const first = await executeLeadCommand(store, ana, rename);
    await executeLeadCommand(store, ana, { type: 'ChangeStatus', leadId, expectedVersion: 2, data: { status: 'Closed' } });
    let appends = 0;
    const retryStore = { ...store, append: async (...args: Parameters<typeof store.append>) => (appends++, store.append(...args)) };

    await expect(executeLeadCommand(retryStore, ana, rename)).resolves.toMatchObject({ duplicate: true, version: first.version, position: first.position });
    expect(appends).toBe(0);
    expect(await events(tenantId, leadId)).toEqual(['LeadRegistered', 'NameChanged', 'StatusChanged']);
  });
});

describe('when the agent acted on an old version (optimistic on steroids)', () => {
  it('a change of another field merges: ChangeName after a concurrent status change', async () => {
    const { tenantId, ana, ben } = tenant();
    const leadId = await registerLead(ana);
    await executeLeadCommand(store, ana, { type: 'ChangeStatus', leadId, expectedVersion: 1, data: { status: 'Closed' } });

    const result = await executeLeadCommand(store, ben, { type: 'ChangeName', leadId, expectedVersion: 1, data: { name: 'Stefan Ivanov Jr' } });

    expect(result).toMatchObject({ merged: true, version: 3 });
    const state = await loadAggregate(store, leadAggregate, tenantId, leadId);
    expect(state.state).toMatchObject({ name: 'Stefan Ivanov Jr', status: 'Closed' });
  });

  it('a collision is refused with the changes the agent had not seen: SetFollowUp after a status change', async () => {
    const { tenantId, ana, ben } = tenant();
    const leadId = await registerLead(ana);
    await executeLeadCommand(store, ana, { type: 'ChangeStatus', leadId, expectedVersion: 1, data: { status: 'Closed' } });

    const attempt = executeLeadCommand(store, ben, { type: 'SetFollowUp', leadId, expectedVersion: 1, data: { at: tomorrow() } });

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await attempt.catch((error) => error)) as ConflictError;
    expect(conflict.currentVersion).toBe(2);
    expect(conflict.changes).toEqual([
      expect.objectContaining({ version: 2, type: 'StatusChanged', actor: 'ana', data: { from: 'Available', to: 'Closed' } }),
    ]);
    expect(await events(tenantId, leadId)).toEqual(['LeadRegistered', 'StatusChanged']);
  });

  it('edits of the same field collide: two agents renaming from the same version', async () => {
    const { tenantId, ana, ben } = tenant();
    const leadId = await registerLead(ana);
    await executeLeadCommand(store, ana, { type: 'ChangeName', leadId, expectedVersion: 1, data: { name: 'Ana typed this' } });
    const attempt = executeLeadCommand(store, ben, { type: 'ChangeName', leadId, expectedVersion: 1, data: { name: 'Ben typed this' } });
    await expect(attempt).rejects.toMatchObject({ changes: [expect.objectContaining({ type: 'NameChanged', actor: 'ana' })] });
    expect((await loadAggregate(store, leadAggregate, tenantId, leadId)).state).toMatchObject({ kind: 'registered', name: 'Ana typed this' });
  });

  it('editing emails while another agent edited phones merges', async () => {
    const { tenantId, ana, ben } = tenant();
    const leadId = await registerLead(ana);
    await executeLeadCommand(store, ana, { type: 'ChangeContactInfo', leadId, expectedVersion: 1, data: { addPhones: ['07911 123456'] } });
    await executeLeadCommand(store, ben, { type: 'ChangeContactInfo', leadId, expectedVersion: 1, data: { addEmails: ['s.ivanov@work.example'] } });
    const { state } = await loadAggregate(store, leadAggregate, tenantId, leadId);
    expect(state).toMatchObject({
      phones: [expect.objectContaining({ e164: '+442079460018' }), expect.objectContaining({ e164: '+447911123456' })],
      emails: ['stefan@example.com', 's.ivanov@work.example'],
    });
    expect(state.kind === 'registered' && state.phones).toHaveLength(2);
  });

  it('eight agents adding notes at once from the same version all succeed (races are retried)', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        executeLeadCommand(store, { ...ana, actorId: `agent-${i}` }, { type: 'AddNote', leadId, expectedVersion: 1, data: { noteId: randomUUID(), text: `note ${i}` } }),
      ),
    );
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await events(tenantId, leadId)).toHaveLength(9);
  });

  it('an expected version the lead never had is refused', async () => {
    const { ana } = tenant();
    const leadId = await registerLead(ana);
    await expect(executeLeadCommand(store, ana, { type: 'ChangeName', leadId, expectedVersion: 7, data: { name: 'X' } })).rejects.toBeInstanceOf(ConcurrencyError);
  });
});

describe('refused commands append nothing', () => {
  it.each([
    ['a malformed phone', { phones: ['12'] }, 'phones.0'],
    ['a malformed email', { emails: ['not-an-email'] }, 'emails.0'],
    ['a missing name', { name: undefined }, 'name'],
    ['a name of the wrong type', { name: 42 }, 'name'],
    ['no way to reach the lead', { phones: [], emails: [] }, 'phones'],
  ])('registering with %s names the field', async (_, override, field) => {
    const { tenantId, ana } = tenant();
    const leadId = randomUUID();
    const attempt = executeLeadCommand(store, ana, {
      type: 'RegisterLead',
      data: { leadId, name: 'Ana', phones: ['020 7946 0018'], emails: [], ...override },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(await store.streamVersion(tenantId, leadId)).toBeNull();
  });

  it.each([
    ['an unknown status', { type: 'ChangeStatus', data: { status: 'Sleeping' } }, ValidationError, false],
    ['a follow-up in the past', { type: 'ChangeStatus', data: { status: 'FollowUp', followUpAt: '2020-01-01T00:00:00Z' } }, ValidationError, false],
    ['Follow-up without a date', { type: 'ChangeStatus', data: { status: 'FollowUp' } }, ValidationError, false],
    ['an unknown command', { type: 'DeleteLead', data: {} }, ValidationError, false],
    ['a status change a converted lead cannot make', { type: 'ChangeStatus', data: { status: 'Available' } }, IllegalStateError, true],
  ])('%s is refused', async (_, command, errorType, converted) => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    if (converted) await executeLeadCommand(store, ana, { type: 'ChangeStatus', leadId, data: { status: 'Converted' } });
    const before = await store.streamVersion(tenantId, leadId);
    await expect(executeLeadCommand(store, ana, { ...command, leadId })).rejects.toBeInstanceOf(errorType);
    expect(await store.streamVersion(tenantId, leadId)).toBe(before);
  });
});

describe('a call recorded with bad input is refused by field, and nothing is stored', () => {
  // A Wednesday, 10:00 in London: inside the default calling hours.
  const NOW = new Date('2026-03-04T10:00:00Z');

  it.each([
    ['an unknown disposition', { outcome: 'maybe-later' }, 'outcome', /"maybe-later" is not one of/],
    ['a number the lead does not have', { outcome: 'no-answer', phone: '+447911000999' }, 'phone', /\+447911000999/],
    ['a call back without its time', { outcome: 'call-back' }, 'callbackAt', /.+/],
  ])('%s', async (_, data, field, words) => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    const attempt = executeLeadCommand(store, { ...ana, now: NOW }, { type: 'RecordCallOutcome', leadId, data });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: [expect.objectContaining({ field })] });
    expect(describeError(await attempt.catch((error: unknown) => error))).toMatch(words);
    expect(await events(tenantId, leadId)).toEqual(['LeadRegistered']);
  });

  it('on a lead another agent holds', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    expect(await nextLead(system, tenantId, 'ben', NOW)).toMatchObject({ kind: 'claimed', leadId });
    const attempt = executeLeadCommand(store, { ...ana, now: new Date(NOW.getTime() + 60_000) }, { type: 'RecordCallOutcome', leadId, data: { outcome: 'no-answer' } });
    await expect(attempt).rejects.toMatchObject({ code: 'lead.held-by-other' });
    expect(describeError(await attempt.catch((error: unknown) => error))).toBe('Another agent holds this lead: only they can record its call until they let it go');
    expect(await events(tenantId, leadId)).toEqual(['LeadRegistered', 'LeadClaimed']);
  });
});

describe('loading long streams and the past', () => {
  it('a lead loaded from its snapshot and tail equals a full replay', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana);
    for (let i = 0; i < 120; i++) {
      const command = i % 10 === 0
        ? { type: 'ChangeName', leadId, data: { name: `Stefan ${i}` } }
        : { type: 'RecordCallOutcome', leadId, data: { outcome: 'no-answer' } };
      await executeLeadCommand(store, ana, command, { snapshotEvery: 25 });
    }
    const fromSnapshot = await loadAggregate(store, leadAggregate, tenantId, leadId);
    const replayed = await loadAggregate(store, leadAggregate, tenantId, leadId, { fromSnapshot: false });

    expect(fromSnapshot.snapshotVersion).toBeGreaterThanOrEqual(100);
    expect(fromSnapshot.version).toBe(await store.streamVersion(tenantId, leadId));
    expect(fromSnapshot.version).toBeGreaterThan(121); // each call also scheduled a retry, until the lead's retries ran out
    expect(fromSnapshot.state).toEqual(replayed.state);
    expect(replayed.state).toMatchObject({ name: 'Stefan 110', callCount: 108 });
  });

  it('shows the lead as of a version or a moment', async () => {
    const { tenantId, ana } = tenant();
    const leadId = randomUUID();
    const at = (iso: string) => ({ ...ana, now: new Date(iso) });
    await executeLeadCommand(store, at('2026-02-01T09:00:00Z'), { type: 'RegisterLead', data: { leadId, name: 'First Name', phones: ['020 7946 0018'] } });
    await executeLeadCommand(store, at('2026-02-02T09:00:00Z'), { type: 'ChangeName', leadId, data: { name: 'Second Name' } });
    await executeLeadCommand(store, at('2026-02-03T09:00:00Z'), { type: 'ChangeStatus', leadId, data: { status: 'Closed' } });

    const asOfMoment = await store.stateAt(tenantId, leadId, leadAggregate.decider, { asOf: new Date('2026-02-02T12:00:00Z') });
    const asOfVersion = await store.stateAt(tenantId, leadId, leadAggregate.decider, { toVersion: 1 });

    expect(asOfMoment).toMatchObject({ version: 2, state: { name: 'Second Name', status: 'Available' } });
    expect(asOfVersion).toMatchObject({ version: 1, state: { name: 'First Name' } });
  });

  it('a lead registered in the old one-phone shape loads in the current shape', async () => {
    const { tenantId } = tenant();
    const leadId = randomUUID();
    const v1 = { leadId, name: 'Old Lead', phone: { e164: '+442079460018', raw: '020 7946 0018' }, email: null, source: 'import' };
    await store.db.$executeRaw`
      INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
      VALUES (${tenantId}, ${leadId}, 'lead', 1, 'LeadRegistered', 1, ${JSON.stringify(v1)}::jsonb, '{}'::jsonb, now())`;
    const { state } = await loadAggregate(store, leadAggregate, tenantId, leadId);
    expect(state).toMatchObject({ kind: 'registered', name: 'Old Lead', phones: [v1.phone], emails: [], ownerId: null });
  });
});
