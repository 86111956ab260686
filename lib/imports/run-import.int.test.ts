import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/users';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import type { EventStore } from '@/lib/event-store';
import { catchUp } from '@/lib/read/engine/run-batch';
import { searchTermsProjection } from '@/lib/read/search-terms/projection';
import { testDb } from '@/lib/testing/database';
import { rowLeadId } from './import-ids';
import type { ImportRecord } from './mapping';
import { prepareImport } from './prepare-import';
import { importProgress, startImport } from './run-import';

const db = testDb();
const store = createSystem(db).store;

function freshTenant() {
  const tenantId = `tenant-${randomUUID()}`;
  const context: CommandContext = { tenantId, actorId: 'importer', region: 'GB' };
  return { tenantId, context };
}

const row = (name: string, phones = '', emails = '', owner = ''): ImportRecord => [name, phones, emails, 'list', owner];

/** Starts the import and waits for its background run, as the server action's after() would. */
async function runToEnd(s: EventStore, context: CommandContext, records: readonly ImportRecord[]) {
  const started = await startImport(s, context, { fileName: 'leads.csv', records });
  await started.run?.();
  return started;
}

const leadsOf = (tenantId: string) => db.leadView.findMany({ where: { tenantId }, select: { leadId: true, name: true, ownerId: true }, orderBy: { name: 'asc' } });

/** A store whose lead appends fail after `count` of them: the database going away mid-import. */
/** The store, with the connection lost once `count` leads are stored (between two statements). */
function failingAfter(count: number): EventStore {
  let appends = 0;
  return {
    ...store,
    append: async (stream, events, options) => {
      if (stream.streamType === 'lead' && ++appends > count) throw new Error('connection lost');
      return store.append(stream, events, options);
    },
    appendStreams: async (parts) => {
      const room = Math.max(0, count - appends);
      const stored = room > 0 ? await store.appendStreams(parts.slice(0, room)) : [];
      appends += stored.length;
      if (parts.length > room) throw new Error('connection lost');
      return stored;
    },
  };
}

describe('importing rows', () => {
  const { tenantId, context } = freshTenant();
  const ownerEmail = `owner-${randomUUID()}@example.com`;
  const records = [
    row('Good One', '07444 555001', '', ownerEmail),
    row('Bad Phone', '12345'),
    row('Existing Copy', '+44 7444 555999'),
    row('Good Two', '', 'two@example.com'),
    row('Repeat of One', '07444555001'),
    row('', '', 'nameless@example.com'),
  ];
  let ownerId: string;

  beforeAll(async () => {
    ownerId = (await createUser(db, tenantId, { name: 'Owner', email: ownerEmail, password: 'a-long-password', role: 'agent' })).id;
    await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId: randomUUID(), name: 'Already Here', phones: ['07444 555999'], source: 'web' } });
    await catchUp(store, searchTermsProjection);
  });

  it('previews each row with its problems, duplicates of existing leads found through the search index', async () => {
    const { checks } = await prepareImport(db, { tenantId, region: 'GB' }, records);
    expect(checks.map((check) => check.errors)).toEqual([
      [],
      ['"12345" is not a valid phone number'],
      ['Duplicate of existing lead Already Here: same phone +44 7444 555999'],
      [],
      ['Duplicate of line 2: same phone 07444555001'],
      ['Name is required'],
    ]);
  });

  it('stores exactly the valid rows, records who imported which file and counts the rows stored', async () => {
    const started = await runToEnd(store, context, records);
    expect(started).toMatchObject({ rows: 6, validRows: 2 });
    expect(await leadsOf(tenantId)).toEqual([
      { leadId: expect.any(String), name: 'Already Here', ownerId: null },
      { leadId: rowLeadId(started.importId, 0), name: 'Good One', ownerId },
      { leadId: rowLeadId(started.importId, 3), name: 'Good Two', ownerId: null },
    ]);
    expect(await importProgress(store, tenantId, started.importId)).toMatchObject({
      fileName: 'leads.csv', rows: 6, total: 2, done: 2, state: 'completed', imported: 2, skipped: 4, startedBy: 'importer',
    });
    const events = await store.readStream(tenantId, started.importId);
    expect(events.map((event) => [event.type, event.data, event.metadata.actor])).toEqual([
      ['ImportStarted', { kind: 'leads', fileName: 'leads.csv', rows: 6, validRows: 2, by: 'importer' }, 'importer'],
      ['ImportCompleted', { imported: 2, skipped: 4 }, 'importer'],
    ]);
  });

  it('run again, stores nothing twice and records the second run', async () => {
    await catchUp(store, searchTermsProjection);
    const again = await runToEnd(store, { ...context, actorId: 'second' }, records);
    expect(again.validRows).toBe(2);
    expect(await leadsOf(tenantId)).toHaveLength(3);
    expect(await importProgress(store, tenantId, again.importId)).toMatchObject({ state: 'completed', done: 2, runs: 2, startedBy: 'second' });
  });

  it('is not visible to another tenant', async () => {
    const { importId } = await prepareImport(db, { tenantId, region: 'GB' }, records);
    expect(await importProgress(store, freshTenant().tenantId, importId)).toBeNull();
  });
});

describe('an import that fails half-way', () => {
  const { tenantId, context } = freshTenant();
  const records = Array.from({ length: 12 }, (_, i) => row(`Lead ${String(i).padStart(2, '0')}`, '', `lead${i}@example.com`));

  it('reports done exactly the rows stored, and resumes without duplicates when run again', async () => {
    const started = await runToEnd(failingAfter(5), context, records);
    const progress = await importProgress(store, tenantId, started.importId);
    expect(progress).toMatchObject({ state: 'failed', total: 12, done: 5 });
    expect(await leadsOf(tenantId)).toHaveLength(5);

    await runToEnd(store, context, records);
    expect(await importProgress(store, tenantId, started.importId)).toMatchObject({ state: 'completed', done: 12, imported: 12, skipped: 0, runs: 2 });
    const leads = await leadsOf(tenantId);
    expect(leads.map((lead) => lead.name)).toEqual(records.map(([name]) => name));
    const registrations = await db.event.count({ where: { tenantId, type: 'LeadRegistered' } });
    expect(registrations).toBe(12);
  });

  it('shows as interrupted when its run ended without recording an end, and resumes when run again', async () => {
    const other = freshTenant();
    const { importId } = await prepareImport(db, { tenantId: other.tenantId, region: 'GB' }, records);
    // Started by a server process that was then stopped: no run of it is going on here.
    await store.append(
      { tenantId: other.tenantId, streamId: importId, streamType: 'import' },
      [{ type: 'ImportStarted', data: { kind: 'leads', fileName: 'leads.csv', rows: 12, validRows: 12, by: 'ana' }, occurredAt: new Date(), metadata: { actor: 'ana' } }],
      { expectedVersion: 0 },
    );
    expect(await importProgress(store, other.tenantId, importId)).toMatchObject({ state: 'interrupted', done: 0 });
    await runToEnd(store, other.context, records);
    expect(await importProgress(store, other.tenantId, importId)).toMatchObject({ state: 'completed', done: 12 });
  });
});

describe('a row whose phone or email a lead held before', () => {
  const { tenantId, context } = freshTenant();

  it('notes a row whose phone a lead held before, and imports it all the same', async () => {
    const movedOn = randomUUID();
    await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId: movedOn, name: 'Moved On', phones: ['07444 555777'], source: 'web' } });
    await executeLeadCommand(store, context, { type: 'ChangeContactInfo', leadId: movedOn, data: { removePhones: ['07444 555777'], addPhones: ['07444 555778'] } });
    await catchUp(store, searchTermsProjection);
    const { checks } = await prepareImport(db, { tenantId, region: 'GB' }, [row('Next Owner', '07444 555777')]);
    expect(checks).toMatchObject([{ errors: [], notes: ['Possible duplicate of existing lead Moved On: it held phone 07444 555777 before'], row: { name: 'Next Owner' } }]);
  });
});
