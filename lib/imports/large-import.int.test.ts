// A real lead list's size through the import's route handlers: 100,000 rows and more than 20 MB,
// streamed as the request body (as the browser sends the file), previewed over the whole file,
// then imported to the end in batches, every lead through the command handler.
import { describe, expect, it, vi } from 'vitest';
import { GET as progressRoute, POST as startRoute } from '@/app/api/imports/[id]/route';
import { POST as previewRoute } from '@/app/api/imports/route';
import { freshId, testDb } from '@/lib/testing/database';
import { leadListChunks } from '@/lib/testing/lead-list';
import { loggedIn, requestAs, routeContext, type TestSession } from '@/lib/testing/sessions';
import type { UploadPreview } from './upload';

const background = vi.hoisted(() => [] as (() => Promise<void>)[]);
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: (task: () => Promise<void>) => background.push(task) }));

const db = testDb();
const ROWS = 100_000;
const BAD_ROWS = [17, 50_000, 99_999];

/** The file as the browser streams it: generated in 64 KB pieces, never held whole. */
function upload(ownerEmail: string): { body: ReadableStream<Uint8Array>; sent: () => number } {
  const chunks = leadListChunks({ rows: ROWS, badRows: BAD_ROWS, ownerEmail });
  const encoder = new TextEncoder();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) return controller.close();
      const bytes = encoder.encode(next.value);
      sent += bytes.byteLength;
      controller.enqueue(bytes);
    },
  });
  return { body, sent: () => sent };
}

const post = (session: TestSession, url: string, file: ReadableStream<Uint8Array>) =>
  requestAs(session, url, { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' }, duplex: 'half' } as RequestInit);

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

describe('a list of 100,000 rows and more than 20 MB', () => {
  it('is previewed over the whole file and imported to the end, every valid row stored once', async () => {
    const tenantId = freshId('tenant');
    const agent = await loggedIn(db, tenantId, 'agent');
    const ownerEmail = (await db.user.findUniqueOrThrow({ where: { id: agent.userId }, select: { email: true } })).email;

    let started = performance.now();
    const first = upload(ownerEmail);
    const previewResponse = await previewRoute(post(agent, '/api/imports', first.body), routeContext());
    const preview = (await previewResponse.json()) as UploadPreview;
    console.log(`preview of ${ROWS} rows, ${(first.sent() / 1024 / 1024).toFixed(1)} MB: ${seconds(started)}, heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
    expect(previewResponse.status).toBe(200);
    expect(first.sent()).toBeGreaterThan(20 * 1024 * 1024);
    expect(preview).toMatchObject({ rows: ROWS, validRows: ROWS - BAD_ROWS.length });
    expect(preview.sample).toHaveLength(100);
    expect(preview.problems.map((row) => row.index)).toEqual(BAD_ROWS);

    started = performance.now();
    const second = upload(ownerEmail);
    const startResponse = await startRoute(post(agent, `/api/imports/${preview.importId}?fileName=spring-list.csv`, second.body), routeContext({ id: preview.importId }));
    console.log(`upload and start: ${seconds(started)}`);
    expect(startResponse.status).toBe(202);

    started = performance.now();
    const run = background.shift()!();
    const progress = async () => (await progressRoute(requestAs(agent, `/api/imports/${preview.importId}`), routeContext({ id: preview.importId }))).json();
    const seen: number[] = [];
    for (let state = await progress(); state.state === 'running'; state = await progress()) {
      seen.push(state.done);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    await run;
    const end = await progress();
    console.log(`import run: ${seconds(started)} (${Math.round(ROWS / ((performance.now() - started) / 1000))} rows/s), progress polled ${seen.length} times`);
    expect(end).toMatchObject({ state: 'completed', done: ROWS - BAD_ROWS.length, total: ROWS - BAD_ROWS.length, imported: ROWS - BAD_ROWS.length, skipped: BAD_ROWS.length });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await db.leadView.count({ where: { tenantId } })).toBe(ROWS - BAD_ROWS.length);
    // Every 1,000th row names the agent as its owner; row 50,000 is one of the bad rows.
    expect(await db.leadView.count({ where: { tenantId, ownerId: agent.userId } })).toBe(ROWS / 1000 - 1);
  }, 30 * 60_000);
});
