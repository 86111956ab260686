// Hostile input at every entry point. fast-check generates what a careless or hostile client sends
// (wrong types, huge strings and arrays, control characters, malformed percent-escapes, numbers past
// any integer type, unknown fields, deeply nested JSON, bodies that are not JSON at all) to every
// route handler, server action and page on disk, logged in with every right, so each input gets
// past the gate to the code that must refuse it. Each answer: never a 5xx, never a stack trace, and nothing
// stored (events, streams, commands, users, accounts, tokens, sessions) when it was refused.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import fc from 'fast-check';
import pg from 'pg';
import { USERS } from './support/auth';
import { actionsOnDisk, appFiles, routeHandlers, urlOf } from './support/entry-points';
import { actionData, callAction, httpClient, serverActionId } from './support/http';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

const RUNS = Number(process.env.LEADSTREAM_FUZZ_RUNS ?? 50);

// ---- What a hostile client sends --------------------------------------------------------------
const NASTY = [
  '', ' ', '%', '%E0%A4%A', '%%32%', '%00', '\u0000', '\u202e\u0007\r\n\t', '../../etc/passwd', "'; DROP TABLE events; --",
  '=HYPERLINK("http://evil.example","x")', '<script>alert(1)</script>', '9'.repeat(40), '-1', '1e400', 'NaN', 'null', 'true',
  '{"__proto__":{"admin":true}}', '🏳️‍🌈'.repeat(50), 'x'.repeat(100_000),
];
const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom('type', 'data', 'leadId', 'expectedVersion', 'commandId', 'name', 'phones', 'emails', 'userId', 'role', 'scopes', 'reason', 'expiresIn', '__proto__', 'constructor')), tie('value'), { maxKeys: 4 }),
  ),
})).value;
/** Bodies no JSON generator makes: numbers past every integer type, deep nesting, broken syntax, a megabyte of array. */
const RAW = [
  '{"type":"ChangeName","leadId":"00000000-0000-4000-8000-000000000000","expectedVersion":123456789012345678901234567890,"data":{"name":"x"}}',
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`, '{"type":', '\u0000\u0001\u0002', '[1,2,', `[${'1,'.repeat(200_000)}1]`, 'a=1&b=2',
];
const body = fc.oneof(json.map((value) => JSON.stringify(value) ?? 'undefined'), fc.constantFrom(...RAW), text);
/** A query string: known and unknown parameters, values encoded or raw (malformed escapes kept). */
const PARAMS = ['q', 'after', 'format', 'gzip', 'from', 'to', 'type', 'lead', 'actor', 'tenant', 'agent', 'source', 'at', 'fileName', 'spreadsheet', 'page', 'sort', 'size'];
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), text), text, fc.boolean()), { maxLength: 5 })
  .map((pairs) => pairs.map(([key, value, raw]) => (raw ? `${key}=${value.slice(0, 2000)}` : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)).join('&'));
const segment = fc.oneof(text.map(encodeURIComponent), fc.constantFrom('%E0%A4%A', '..', '%2e%2e', randomUUID(), 'x'.repeat(5000)));

// ---- What was stored --------------------------------------------------------------------------
let db: pg.Client;
const stored = async () => (await db.query(`SELECT
  (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM streams) AS streams, (SELECT count(*) FROM processed_commands) AS commands,
  (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM api_tokens) AS tokens,
  (SELECT count(*) FROM sessions) AS sessions`)).rows[0] as Record<string, string>;

const STACK_TRACE = /\n\s+at \S+ \(|\bat \S+:\d+:\d+|node_modules\/|\/work\//;

type Answer = { status: number; refused: boolean; text: string };

async function answerOf(response: APIResponse): Promise<Answer> {
  const text = await response.text().catch(() => '');
  // Server actions answer 200 with their own result; `"ok":false` is their refusal.
  return { status: response.status(), refused: response.status() >= 400 || text.includes('"ok":false'), text };
}

let admin: APIRequestContext;
let nobody: APIRequestContext;
let token: string;
let cases = 0;

test.beforeAll(async ({ playwright, baseURL }) => {
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  admin = await httpClient(playwright, baseURL!, USERS.admin);
  nobody = await httpClient(playwright, baseURL!);
  token = actionData<{ token: string }>(await callAction(admin, 'app/(app)/admin/tokens/actions.ts', 'addApiToken', { name: 'Fuzz dialer', scopes: ['export', 'commands'] })).token;
  // Work other specs started (an import) settles before counts are compared.
  await expect.poll(async () => { const [a, b] = [await stored(), (await new Promise((r) => setTimeout(r, 1500)), await stored())]; return JSON.stringify(a) === JSON.stringify(b); }, { timeout: 120_000 }).toBe(true);
});

test.afterAll(async () => {
  await db.end();
  await admin.dispose();
  await nobody.dispose();
  console.log(`fuzz: ${cases} hostile requests`);
});

/** Sends one hostile request and checks its answer and what it left behind. */
async function expectHandled(label: string, send: () => Promise<APIResponse>) {
  cases++;
  const before = await stored();
  const answer = await answerOf(await send());
  expect(answer.status, `${label} answered ${answer.status}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.text, `${label} shows a stack trace`).not.toMatch(STACK_TRACE);
  if (answer.refused) expect(await stored(), `${label} was refused (${answer.status}) but stored something`).toEqual(before);
}

const TOKEN_ROUTES = new Set(['POST /api/commands']);
/** Streams that stay open: asked to end once caught up, so each hostile request gets its whole answer. */
const STREAM_ROUTES = new Set(['GET /api/live']);

test('every route handler answers hostile queries, paths and bodies without a 5xx, and stores nothing it refuses', async () => {
  const routes = routeHandlers();
  expect(routes.length).toBeGreaterThan(10);
  for (const { key, method, url } of routes) {
    const auth = url.startsWith('/api/auth');
    const client = auth ? nobody : admin;
    const headers: Record<string, string> = TOKEN_ROUTES.has(key) ? { Authorization: `Bearer ${token}` } : {};
    await fc.assert(fc.asyncProperty(segment, query, body, fc.constantFrom('application/json', 'text/csv', 'text/plain', 'application/x-www-form-urlencoded'), fc.option(text), async (part, search, data, contentType, idempotencyKey) => {
      const path = url.replace(/\[\.\.\.\w+\]/, auth ? `sign-in/${part}` : part).replace(/\[\w+\]/g, part);
      const sent: Record<string, string> = { ...headers };
      if (method !== 'GET') sent['Content-Type'] = contentType;
      if (idempotencyKey !== null) sent['Idempotency-Key'] = encodeURIComponent(idempotencyKey).slice(0, 200);
      const sentQuery = STREAM_ROUTES.has(key) ? `once=1&${search}` : search;
      await expectHandled(`${key} ${path.slice(0, 80)}?${search.slice(0, 80)}`, () => client.fetch(`${path}?${sentQuery}`, {
        method, maxRedirects: 0, failOnStatusCode: false, headers: sent,
        data: method === 'GET' ? undefined : data,
      }));
    }), { numRuns: RUNS });
  }
});

test('every server action answers hostile arguments and bodies without a 5xx, and stores nothing it refuses', async () => {
  const actions = actionsOnDisk();
  expect(actions.length).toBeGreaterThan(5);
  for (const key of actions) {
    const [file, name] = key.split('#') as [string, string];
    await fc.assert(fc.asyncProperty(fc.oneof(fc.array(json, { maxLength: 3 }).map((args) => JSON.stringify(args)), body), async (data) => {
      await expectHandled(`${key} ${data.slice(0, 120)}`, () => admin.post('/', {
        headers: { 'Next-Action': serverActionId(file, name), Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
        data, maxRedirects: 0, failOnStatusCode: false,
      }));
    }), { numRuns: RUNS, examples: [['[{"leadId":{"type":"$"}}]'], ['["$@1"]']] });
  }
});

test('every page answers hostile path segments and queries without a 5xx', async () => {
  const pages = appFiles('page.tsx').map(urlOf).filter((url) => !url.startsWith('/login'));
  expect(pages.length).toBeGreaterThan(10);
  for (const url of pages) {
    await fc.assert(fc.asyncProperty(segment, query, async (part, search) => {
      const path = url.replace(/\[\w+\]/g, part);
      await expectHandled(`GET ${path.slice(0, 80)}?${search.slice(0, 80)}`, () => admin.get(`${path}?${search}`, { maxRedirects: 0, failOnStatusCode: false }));
    }), { numRuns: Math.ceil(RUNS / 5), examples: [[encodeURIComponent('\u0000'), 'q=%00&id=%00']] });
  }
});
