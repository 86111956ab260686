// `npm start` stopped as a process manager stops it (SIGTERM) or as a person does (Ctrl-C, SIGINT):
// it stops taking requests, finishes the commands in flight, stops its projector and leaves no
// process behind; the embedded PostgreSQL stops with it unless another process still uses it.
// Each run starts its own `npm start`, on its own port, with its own embedded PostgreSQL and data
// folder, serving the build the browser tests use.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { openDatabaseServer } from '../scripts/lib/database';
import { USERS } from './support/auth';
import { callAction, httpClient } from './support/http';
import { commandOf, freePort, isRunning, processTree } from './support/processes';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

type Started = { child: ChildProcess; port: number; pgPort: number; dataDir: string; output: () => string; exited: Promise<number | null> };

async function startLeadstream(): Promise<Started> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadstream-start-'));
  fs.chmodSync(dataDir, 0o755);
  const { DATABASE_URL: _shared, LEADSTREAM_DB: _db, ...env } = process.env;
  const child = spawn('npm', ['start', '--', '--no-build'], {
    env: {
      ...env, PORT: String(port), LEADSTREAM_PG_PORT: String(pgPort), LEADSTREAM_PG_DATA: path.join(dataDir, 'pg'), DEMO_LEADS: '12',
      BETTER_AUTH_SECRET: 'shutdown-test-secret-0123456789abcdef', BETTER_AUTH_URL: `http://127.0.0.1:${port}`, LEADSTREAM_LOGIN_ATTEMPTS: '1000',
    },
    detached: true, // a process group of its own: only the signals this test sends reach it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await expect.poll(async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/login`).catch(() => null);
    return answer?.status ?? `not up yet:\n${output.slice(-400)}`;
  }, { timeout: 120_000, intervals: [500] }).toBe(200);
  return { child, port, pgPort, dataDir, output: () => output, exited };
}

const serverUp = async (pgPort: number) => {
  const client = new pg.Client({ connectionString: `postgresql://postgres:leadstream@127.0.0.1:${pgPort}/leadstream`, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
};

async function registerLead(client: APIRequestContext): Promise<string> {
  const leadId = randomUUID();
  const answer = await callAction(client, 'app/(app)/leads/actions.ts', 'registerLead', { type: 'RegisterLead', commandId: randomUUID(), data: { leadId, name: 'Shutdown Lead', phones: ['07911 123456'] } });
  expect(answer.ok, answer.text).toBe(true);
  return leadId;
}

test('SIGTERM: the command in flight finishes, new requests are refused, nothing is left running; a process sharing the database keeps it', async ({ playwright }) => {
  const app = await startLeadstream();
  const tree = processTree(app.child.pid!);
  expect(tree.map(commandOf).join('\n')).toMatch(/scripts\/start\.ts/);

  // This test shares the embedded server, as `npm test` or a benchmark would.
  const shared = await openDatabaseServer({ port: app.pgPort, dataDir: path.join(app.dataDir, 'pg') });
  const db = new pg.Client({ connectionString: shared.urlFor('leadstream') });
  await db.connect();

  const base = `http://127.0.0.1:${app.port}`;
  const agent = await httpClient(playwright, base, USERS.agent);
  const leadId = await registerLead(agent);
  // A browser tab listening for live updates: its stream never ends by itself, and must not hold the stop up.
  const cookie = (await agent.storageState()).cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  const live = await fetch(`${base}/api/live`, { headers: { cookie } });
  expect(live.status).toBe(200);
  const liveStream = live.body!.getReader();

  // Hold the lead's stream row: the next command on it waits inside its append, in flight.
  await db.query('BEGIN');
  await db.query('SELECT version FROM streams WHERE stream_id = $1 FOR UPDATE', [leadId]);
  const commandId = randomUUID();
  const inFlight = callAction(agent, 'app/(app)/leads/actions.ts', 'sendLeadCommand', { type: 'ChangeName', leadId, expectedVersion: 1, commandId, data: { name: 'Renamed While Stopping' } });
  await expect.poll(async () => (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'leadstream'`)).rows[0].n).toBe(1);

  process.kill(app.child.pid!, 'SIGTERM');
  await expect.poll(() => fetch(`${base}/login`).then(() => 'answered', () => 'refused'), { timeout: 15_000 }).toBe('refused');
  expect(isRunning(app.child.pid!), 'npm start waits for the command in flight').toBe(true);

  await db.query('COMMIT');
  const answer = await inFlight;
  expect(answer.ok, answer.text).toBe(true);
  expect(await app.exited).toBe(0);
  while (!(await liveStream.read().catch(() => ({ done: true }))).done); // the server closed it
  await expect.poll(() => tree.filter(isRunning).map(commandOf), { timeout: 15_000 }).toEqual([]);
  // The rename is in the log, its new name sealed with the lead's key (docs/erasure.md).
  const stored = await db.query(`SELECT type, data->>'name' AS name FROM events WHERE stream_id = $1 AND metadata->>'commandId' = $2`, [leadId, commandId]);
  expect(stored.rows).toEqual([{ type: 'NameChanged', name: expect.stringMatching(/^enc:v1:/) }]);
  expect(app.output()).toMatch(/keeps running on port \d+: 1 other Leadstream process still uses it/);

  // The database outlived `npm start` for this process; the last one to leave stops it.
  await db.end();
  await shared.stop();
  expect(await serverUp(app.pgPort)).toBe(false);
  await agent.dispose();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

test('Ctrl-C (SIGINT): the app, its projector and the embedded database it started all stop', async () => {
  const app = await startLeadstream();
  const tree = processTree(app.child.pid!);
  expect(await serverUp(app.pgPort)).toBe(true);

  process.kill(-app.child.pid!, 'SIGINT'); // the terminal signals the whole foreground group
  // 0: the script had its clean-up (130 would mean something killed it before the database stopped).
  expect(await app.exited, app.output().slice(-1500)).toBe(0);
  await expect.poll(() => tree.filter(isRunning).map(commandOf), { timeout: 15_000 }).toEqual([]);
  expect(await serverUp(app.pgPort), `the database is still up after:\n${app.output().slice(-1500)}`).toBe(false);
  expect(app.output()).toMatch(/Leadstream stopped/);
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});
