// The import's route handlers as the browser calls them: the file streamed as the request body.
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as progressRoute, POST as startRoute } from '@/app/api/imports/[id]/route';
import { POST as previewRoute } from '@/app/api/imports/route';
import { POST as problemsRoute } from '@/app/api/imports/problems/route';
import { parse } from 'csv-parse/sync';
import { freshId, testDb } from '@/lib/testing/database';
import { loggedIn, requestAs, routeContext, type TestSession } from '@/lib/testing/sessions';
import type { UploadPreview, UploadStarted } from './imports';

// What Next's after() would run once the answer is sent: here, run by the test when it chooses.
const background = vi.hoisted(() => [] as (() => Promise<void>)[]);
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: (task: () => Promise<void>) => background.push(task) }));

const db = testDb();

const body = (text: string) => new TextEncoder().encode(text);
const post = (session: TestSession, url: string, file: BodyInit, headers: Record<string, string> = {}) =>
  requestAs(session, url, { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv', ...headers }, duplex: 'half' } as RequestInit);

async function preview(session: TestSession, file: BodyInit, query = '') {
  const response = await previewRoute(post(session, `/api/imports${query}`, file), routeContext());
  return { status: response.status, body: await response.json() };
}

async function start(session: TestSession, importId: string, file: BodyInit, query = 'fileName=leads.csv') {
  const response = await startRoute(post(session, `/api/imports/${importId}?${query}`, file), routeContext({ id: importId }));
  return { status: response.status, body: await response.json() };
}

async function progress(session: TestSession, importId: string) {
  return (await progressRoute(requestAs(session, `/api/imports/${importId}`), routeContext({ id: importId }))).json();
}

const spoolFiles = async () => (await readdir(path.join(tmpdir(), 'leadstream-imports')).catch(() => [])).length;
const leadCount = (tenantId: string) => db.leadView.count({ where: { tenantId } });

describe('importing a CSV file through the route handlers', () => {
  const tenantId = freshId('tenant');
  let agent: TestSession;
  const file = [
    'Full name;Mobile;E-mail;Notes',
    'Ada Lovelace;07911 123456;ada@example.com;met at the fair',
    'Bad Phone;12345;;',
    'Charles Babbage;;charles@example.com;',
    'Repeat;+44 7911 123456;;',
  ].join('\r\n');

  beforeAll(async () => {
    agent = await loggedIn(db, tenantId, 'agent');
  });

  it('gives every row with a problem as a CSV file to download, each with its problems and cells, and stores nothing', async () => {
    const spooled = await spoolFiles();
    const response = await problemsRoute(post(agent, '/api/imports/problems', body(file)), routeContext());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="leads-import-problems.csv"');
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.Line, row.Name, row['Phone(s)']])).toEqual([['3', 'Bad Phone', '12345'], ['5', 'Repeat', "'+44 7911 123456"]]); // written for a spreadsheet: a leading + would run as a formula
    expect(rows[0]!.Problems).toMatch(/phone/i);
    expect(rows[1]!.Problems).toMatch(/duplicate of line 2/i);
    expect(await leadCount(tenantId)).toBe(0);
    expect(await spoolFiles()).toBe(spooled);
  });

  it('previews the file: its columns guessed, counts over every row, each problem on its row, nothing stored', async () => {
    const { status, body: answer } = await preview(agent, body(file));
    expect(status).toBe(200);
    const shown = answer as UploadPreview;
    expect(shown).toMatchObject({
      headers: ['Full name', 'Mobile', 'E-mail', 'Notes'],
      mapping: { name: 0, phones: 1, emails: 2, source: null, ownerEmail: null },
      rows: 4,
      validRows: 2,
    });
    expect(shown.sample.map((row) => [row.record[0], row.errors])).toEqual([
      ['Ada Lovelace', []],
      ['Bad Phone', ['"12345" is not a valid phone number']],
      ['Charles Babbage', []],
      ['Repeat', ['Duplicate of line 2: same phone +44 7911 123456']],
    ]);
    expect(shown.problems.map((row) => row.index)).toEqual([1, 3]);
    expect(await leadCount(tenantId)).toBe(0);
    expect(await db.event.count({ where: { tenantId } })).toBe(0);
  });

  it('previews again with the columns matched by hand', async () => {
    const { body: answer } = await preview(agent, body(file), '?mapping=0,,2,3,');
    expect(answer).toMatchObject({ mapping: { name: 0, phones: null, emails: 2, source: 3 }, validRows: 2 });
    expect((answer as UploadPreview).sample[1]!.errors).toEqual(['Give at least one phone or email']);
  });

  it('imports the file the preview named, in the background, and leaves no spool file behind', async () => {
    const before = await spoolFiles();
    const { body: checked } = await preview(agent, body(file));
    const started = await start(agent, checked.importId, body(file), 'fileName=fair%20leads.csv');
    expect(started).toEqual({ status: 202, body: { importId: checked.importId, rows: 4, validRows: 2 } satisfies UploadStarted });
    expect(await progress(agent, checked.importId)).toMatchObject({ state: 'running', fileName: 'fair leads.csv', total: 2 });

    await background.shift()!();
    expect(await progress(agent, checked.importId)).toMatchObject({ state: 'completed', done: 2, total: 2, imported: 2, skipped: 2 });
    expect(await leadCount(tenantId)).toBe(2);
    expect(await spoolFiles()).toBe(before);
  });

  it('refuses to import a file other than the one checked, storing nothing', async () => {
    const { body: checked } = await preview(agent, body(file));
    const other = `${file}\r\nDora Other;;dora@example.com;`;
    const refused = await start(agent, checked.importId, body(other));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.file).toMatch(/^This is not the file that was checked/);
    expect(background).toEqual([]);
    expect(await leadCount(tenantId)).toBe(2);
  });

  it('names what is wrong with a bad file, a bad mapping or a missing file name', async () => {
    expect((await preview(agent, body('Name,Phone\n'))).body.error).toMatchObject({ kind: 'validation', fields: { file: 'The file has a header row but no rows under it.' } });
    expect((await preview(agent, body(''))).body.error.fields).toEqual({ file: 'The file is empty.' });
    expect((await preview(agent, body('Name\n"Jane\n'))).body.error.fields.file).toMatch(/^The file is not a valid CSV file/);
    expect((await preview(agent, body(file), '?mapping=9,,,,')).body.error.fields.mapping).toBe('Name: the file has no column 9 (it has 4, counted from 0)');
    expect((await start(agent, randomUUID(), body(file), 'fileName=')).body.error.fields.fileName).toBe('fileName: the file needs a name');
    expect((await start(agent, 'not-an-import', body(file))).body.error).toMatchObject({ kind: 'not-found', message: 'No such import' });
  });

  it('refuses a file over 256 MB with 413 before reading it, and stops reading one that does not say its size', async () => {
    const declared = await previewRoute(post(agent, '/api/imports', body(file), { 'Content-Length': String(257 * 1024 * 1024) }), routeContext());
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toMatchObject({
      kind: 'too-large', message: 'The file is larger than 256 MB; import at most 256 MB at a time (split the file). Nothing was stored.',
    });
  });

  it('is refused to a role that does not work leads, and another tenant cannot follow this tenant\u2019s import', async () => {
    const bi = await loggedIn(db, tenantId, 'bi');
    expect((await previewRoute(post(bi, '/api/imports', body(file)), routeContext())).status).toBe(403);
    const { body: checked } = await preview(agent, body(file));
    const stranger = await loggedIn(db, freshId('tenant'), 'agent');
    expect((await progressRoute(requestAs(stranger, `/api/imports/${checked.importId}`), routeContext({ id: checked.importId }))).status).toBe(404);
    // The same rows in another tenant are another import: the id the stranger names is not theirs.
    expect((await start(stranger, checked.importId, body(file))).status).toBe(400);
  });
});
