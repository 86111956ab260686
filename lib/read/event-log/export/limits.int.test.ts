// Greedy and slow export clients: concurrent exports are capped per API token (or user) and per
// tenant across server processes (429 with Retry-After beyond), they stream on a pool of their own,
// and a client that stops reading is cut off. Through the real route handlers, as Next calls them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportCountRoute } from '@/app/api/export/count/route';
import { GET as exportRoute } from '@/app/api/export/route';
import { GET as searchRoute } from '@/app/api/search/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { exportPool } from '@/lib/db';
import { createEventStore } from '@/lib/event-store';
import { freshId, testDb } from '@/lib/testing/database';
import { loggedIn, requestAs, routeContext } from '@/lib/testing/sessions';

// Read by the route on its first request: a short stall bound, the default caps.
process.env.LEADSTREAM_EXPORT_STALL_MS = '1500';

const db = testDb();
const tenantId = freshId('tenant');
let tokens: string[];

beforeAll(async () => {
  // Enough events that a file is several chunks long, so a reader can stall halfway.
  const store = createEventStore(db);
  const padding = 'x'.repeat(400);
  await store.append({ tenantId, streamId: randomUUID(), streamType: 'bulk' }, Array.from({ length: 800 }, (_, n) => ({ type: 'BulkRecorded', data: { n, padding }, occurredAt: new Date() })), { expectedVersion: 'no_stream' });
  tokens = await Promise.all([1, 2, 3].map(async (n) => (await createApiToken(db, tenantId, 'adam', { name: `BI tool ${n}`, scopes: ['export'] })).token));
});

afterAll(async () => {
  await exportPool().end();
});

const exportWith = (token: string) => exportRoute(new Request('http://leadstream.test/api/export?format=csv', { headers: { Authorization: `Bearer ${token}` } }), routeContext());
/** Hangs up on an answer whose body nobody read (an export still running holds its slot until then). */
const hangUp = async (answer: Response) => {
  if (!answer.bodyUsed) await answer.body?.cancel();
};
const exportConnections = async () =>
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'leadstream-export' AND datname = current_database()`)[0]!.n;

describe('export limits', () => {
  it('lets one token run two exports at once and answers the rest 429 with Retry-After, then takes more as they finish', async () => {
    const answers = await Promise.all([0, 1, 2].map(() => exportWith(tokens[0]!)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('10');
    expect((await refused.json()).error).toMatchObject({ kind: 'rate-limited', message: expect.stringMatching(/already have 2 exports running/) });

    const running = answers.filter((answer) => answer.status === 200);
    expect((await running[0]!.text()).split('\r\n').length).toBeGreaterThan(800); // read to the end: its slot is free again
    const after = await exportWith(tokens[0]!);
    expect(after.status).toBe(200);
    await hangUp(after);
    await hangUp(running[1]!);
  });

  it('caps a tenant at four exports whoever runs them', async () => {
    const answers = await Promise.all([0, 0, 1, 1, 2].map((n) => exportWith(tokens[n]!)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(4);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect((await refused.json()).error.message).toMatch(/organisation already has 4 exports running/);
    for (const answer of answers) await hangUp(answer);
  });

  it('cuts off a client that stops reading and gives its connection back', async () => {
    const answer = await exportWith(tokens[1]!);
    const reader = answer.body!.getReader();
    expect((await reader.read()).done).toBe(false); // one chunk, then the client goes quiet
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await expect(reader.read()).rejects.toThrow(/read nothing for 1.5 s/);
    // Both of this token's slots are free: the stalled export no longer holds one.
    const next = await Promise.all([exportWith(tokens[1]!), exportWith(tokens[1]!)]);
    expect(next.map((a) => a.status)).toEqual([200, 200]);
    for (const a of next) await hangUp(a);
  });

  it('220 slow readers on one token: two run, the rest are refused, and agents and the same token\u2019s count still answer at once', async () => {
    const agent = await loggedIn(db, tenantId, 'agent');
    const answers = await Promise.all(Array.from({ length: 220 }, () => exportWith(tokens[2]!)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(218);
    expect(await exportConnections()).toBeLessThanOrEqual(8);

    const started = Date.now();
    const [count, search] = await Promise.all([
      exportCountRoute(new Request('http://leadstream.test/api/export/count', { headers: { Authorization: `Bearer ${tokens[2]}` } }), routeContext()),
      searchRoute(requestAs(agent, '/api/search?q=Nobody'), routeContext()),
    ]);
    expect([count.status, search.status]).toEqual([200, 200]);
    expect((await count.json()).count).toBe(800);
    expect(Date.now() - started).toBeLessThan(2000);
    for (const answer of answers) await hangUp(answer);
  });
});
