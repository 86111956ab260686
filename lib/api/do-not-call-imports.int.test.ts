// Importing a do-not-call list through its route handlers: the same pipeline as the lead import
// (upload streamed into a spool, preview, audited run in the background, progress), its rows
// checked by the list's own rules and each stored as a BlockNumber command.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as progressRoute, POST as startRoute } from '@/app/api/do-not-call/imports/[id]/route';
import { POST as previewRoute } from '@/app/api/do-not-call/imports/route';
import { GET as leadImportProgressRoute } from '@/app/api/imports/[id]/route';
import { changeNumber } from '@/lib/commands/do-not-call-service';
import { blockedNumbers } from '@/lib/read/do-not-call/queries';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { loggedIn, requestAs, routeContext, type TestSession } from '@/lib/testing/sessions';
import type { UploadPreview } from './imports';

const background = vi.hoisted(() => [] as (() => Promise<void>)[]);
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: (task: () => Promise<void>) => background.push(task) }));

const db = testDb();
const { store } = createSystem(db);

const body = (text: string) => new TextEncoder().encode(text);
const post = (session: TestSession, url: string, file: BodyInit) =>
  requestAs(session, url, { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' }, duplex: 'half' } as RequestInit);
const preview = async (session: TestSession, file: string, query = '') => {
  const response = await previewRoute(post(session, `/api/do-not-call/imports${query}`, body(file)), routeContext());
  return { status: response.status, body: await response.json() };
};
const start = async (session: TestSession, importId: string, file: string) => {
  const response = await startRoute(post(session, `/api/do-not-call/imports/${importId}?fileName=complaints.csv`, body(file)), routeContext({ id: importId }));
  return { status: response.status, body: await response.json() };
};
const progress = async (session: TestSession, importId: string) =>
  (await progressRoute(requestAs(session, `/api/do-not-call/imports/${importId}`), routeContext({ id: importId }))).json();

describe('importing a do-not-call list', () => {
  const tenantId = freshId('tenant');
  let manager: TestSession;
  const file = [
    'Telephone,Why',
    '07911 123001,Complained',
    '12345,Typo',
    '+44 7911 123002,',
    '07911123001,Listed twice',
    '07911 123003,Already there',
  ].join('\n');

  beforeAll(async () => {
    manager = await loggedIn(db, tenantId, 'manager');
    await changeNumber(store, { tenantId, id: manager.userId }, 'block', { phone: '07911 123003', reason: 'By hand' }, { now: new Date('2026-12-02T10:00:00Z') });
  });

  it('previews each row with its problem: a malformed number, a repeat, a number already listed; nothing stored', async () => {
    const events = await db.event.count({ where: { tenantId } });
    const { status, body: answer } = await preview(manager, file);
    expect(status).toBe(200);
    const shown = answer as UploadPreview;
    expect(shown).toMatchObject({ headers: ['Telephone', 'Why'], mapping: { phone: 0, reason: 1 }, rows: 5, validRows: 2 });
    expect(shown.sample.map((row) => [row.record, row.errors])).toEqual([
      [['07911 123001', 'Complained'], []],
      [['12345', 'Typo'], ['"12345" is not a valid phone number']],
      [['+44 7911 123002', ''], []],
      [['07911123001', 'Listed twice'], ['Duplicate of line 2: same number 07911123001']],
      [['07911 123003', 'Already there'], ['07911 123003 is already on the do-not-call list (since 2 Dec 2026)']],
    ]);
    expect(await db.event.count({ where: { tenantId } })).toBe(events);
  });

  it('blocks the good rows as the import\u2019s own entries, records the run, and stores nothing twice when run again', async () => {
    const { body: checked } = await preview(manager, file);
    expect(await start(manager, checked.importId, file)).toEqual({ status: 202, body: { importId: checked.importId, rows: 5, validRows: 2 } });
    await background.shift()!();
    expect(await progress(manager, checked.importId)).toMatchObject({ kind: 'do-not-call', state: 'completed', fileName: 'complaints.csv', done: 2, total: 2, imported: 2, skipped: 3 });
    const listed = await blockedNumbers(db, tenantId, ['+447911123001', '+447911123002', '+447911123003']);
    expect(Object.fromEntries([...listed].map(([phone, entry]) => [phone, [entry.reason, entry.source, entry.blockedBy]]))).toEqual({
      '+447911123001': ['Complained', `import:${checked.importId}`, manager.userId],
      '+447911123002': ['On an imported do-not-call list', `import:${checked.importId}`, manager.userId],
      '+447911123003': ['By hand', 'manual', manager.userId],
    });

    // The same file again: its own rows are not "already listed", and nothing is stored twice.
    const events = await db.event.count({ where: { tenantId, streamType: 'do-not-call' } });
    const { body: again } = await preview(manager, file);
    expect(again).toMatchObject({ importId: checked.importId, validRows: 2 });
    await start(manager, checked.importId, file);
    await background.shift()!();
    expect(await progress(manager, checked.importId)).toMatchObject({ state: 'completed', done: 2, runs: 2 });
    expect(await db.event.count({ where: { tenantId, streamType: 'do-not-call' } })).toBe(events);
  });

  it('is the do-not-call page\u2019s: agents are refused, the lead import does not know it, another tenant cannot follow it', async () => {
    const agent = await loggedIn(db, tenantId, 'agent');
    expect((await preview(agent, file)).status).toBe(403);
    const { body: checked } = await preview(manager, file);
    expect((await leadImportProgressRoute(requestAs(manager, `/api/imports/${checked.importId}`), routeContext({ id: checked.importId }))).status).toBe(404);
    const stranger = await loggedIn(db, freshId('tenant'), 'admin');
    expect((await progressRoute(requestAs(stranger, `/api/do-not-call/imports/${checked.importId}`), routeContext({ id: checked.importId }))).status).toBe(404);
    expect((await preview(manager, file, '?mapping=0,1,2')).body.error.fields.mapping).toBe('mapping names a column for each of phone, reason, separated by commas');
    expect((await start(manager, randomUUID(), file)).status).toBe(400);
  });
});
