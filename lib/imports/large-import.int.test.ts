// A real lead list's size through the import's route handlers: 100,000 rows and more than 20 MB,
// streamed as the request body (as the browser sends the file), previewed over the whole file,
// then imported to the end in batches, each lead decided by RegisterLead's own code and stored a
// few hundred per statement.
//
// By default the list holds 2,000 good rows among 100,000 (every 50th), which checks and streams
// the whole file and registers 2,000 leads in seconds; LEADSTREAM_LARGE_IMPORT=full makes every row
// good and imports all 100,000 (`npm run bench:import` measures the rate).
import { describe, expect, it, vi } from 'vitest';
import { GET as progressRoute, POST as startRoute } from '@/app/api/imports/[id]/route';
import { POST as previewRoute } from '@/app/api/imports/route';
import { freshId, testDb } from '@/lib/testing/database';
import { leadListChunks, type LeadListOptions } from '@/lib/testing/lead-list';
import { loggedIn, requestAs, routeContext, type TestSession } from '@/lib/testing/sessions';
import type { UploadPreview } from '@/lib/api/imports';

const background = vi.hoisted(() => [] as (() => Promise<void>)[]);
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: (task: () => Promise<void>) => background.push(task) }));

const db = testDb();
const ROWS = 100_000;
const GOOD_EVERY = process.env.LEADSTREAM_LARGE_IMPORT === 'full' ? 1 : 50;
const BAD_ROWS = [0, 50_000, 99_950];
const VALID = ROWS / GOOD_EVERY - BAD_ROWS.length;

/** The file as the browser streams it: generated in 64 KB pieces, never held whole. */
function upload(list: LeadListOptions): { body: ReadableStream<Uint8Array>; sent: () => number } {
  const chunks = leadListChunks(list);
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
    const list: LeadListOptions = { rows: ROWS, badRows: BAD_ROWS, goodEvery: GOOD_EVERY, ownerEmail };

    let started = performance.now();
    const first = upload(list);
    const previewResponse = await previewRoute(post(agent, '/api/imports', first.body), routeContext());
    const preview = (await previewResponse.json()) as UploadPreview;
    console.log(`preview of ${ROWS} rows, ${(first.sent() / 1024 / 1024).toFixed(1)} MB: ${seconds(started)}`);
    expect(previewResponse.status).toBe(200);
    expect(first.sent()).toBeGreaterThan(20 * 1024 * 1024);
    expect(preview).toMatchObject({ rows: ROWS, validRows: VALID });
    expect(preview.sample).toHaveLength(100);
    expect(preview.problems).toHaveLength(GOOD_EVERY === 1 ? BAD_ROWS.length : 100);
    expect(preview.problems[0]).toMatchObject({ index: 0, errors: ['"12345" is not a valid phone number'] });

    started = performance.now();
    const second = upload(list);
    const startResponse = await startRoute(post(agent, `/api/imports/${preview.importId}?fileName=spring-list.csv`, second.body), routeContext({ id: preview.importId }));
    console.log(`upload and start: ${seconds(started)}`);
    expect(startResponse.status).toBe(202);

    started = performance.now();
    const run = background.shift()!();
    const progress = async () => (await progressRoute(requestAs(agent, `/api/imports/${preview.importId}`), routeContext({ id: preview.importId }))).json();
    const seen: number[] = [];
    for (let state = await progress(); state.state === 'running'; state = await progress()) {
      seen.push(state.done);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await run;
    const end = await progress();
    console.log(`import run of ${VALID} leads: ${seconds(started)} (${Math.round(VALID / ((performance.now() - started) / 1000))} leads/s)`);
    expect(end).toMatchObject({ state: 'completed', done: VALID, total: VALID, imported: VALID, skipped: ROWS - VALID });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await db.leadView.count({ where: { tenantId } })).toBe(VALID);
    // Every 1,000th row names the agent as its owner; rows 0 and 50,000 are among the bad rows.
    expect(await db.leadView.count({ where: { tenantId, ownerId: agent.userId } })).toBe(ROWS / 1000 - 2);
  }, 30 * 60_000);
});
