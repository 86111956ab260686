// The rate limits the gate applies, through the route handlers as Next calls them: beyond the
// limit a 429 with Retry-After and a clear JSON message, counted per API token (or per user).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST as commandsRoute } from '@/app/api/commands/route';
import { GET as exportCountRoute } from '@/app/api/export/count/route';
import { GET as exportRoute } from '@/app/api/export/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { freshId, testDb } from '@/lib/testing/database';
import { clearOfMinuteEnd } from '@/lib/testing/limits';
import { loggedIn, requestAs, routeContext } from '@/lib/testing/sessions';

const db = testDb();
const settings = ['LEADSTREAM_COMMANDS_PER_MINUTE', 'LEADSTREAM_EXPORTS_PER_MINUTE', 'LEADSTREAM_EXPORT_COUNTS_PER_MINUTE'];
afterEach(() => settings.forEach((name) => delete process.env[name]));
// Windows are whole minutes: a test that would straddle one waits for the next to begin.
beforeEach(() => clearOfMinuteEnd());

const tokenOf = async (tenantId: string, scopes: string[]) => (await createApiToken(db, tenantId, 'adam', { name: 'Client', scopes })).token;

function command(token: string) {
  const body = JSON.stringify({ type: 'RegisterLead', data: { leadId: randomUUID(), name: 'Limited Lead', phones: ['020 7946 0018'], source: 'dialer' } });
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  return commandsRoute(new Request('http://leadstream.test/api/commands', { method: 'POST', headers, body }), routeContext());
}

const get = (route: typeof exportRoute, path: string, token: string) =>
  route(new Request(`http://leadstream.test${path}`, { headers: { Authorization: `Bearer ${token}` } }), routeContext());

async function refusal(response: Response) {
  return { status: response.status, retryAfter: Number(response.headers.get('retry-after')), error: ((await response.json()) as { error: { kind: string; message: string } }).error };
}

describe('rate limits at the gate', () => {
  it('the command API takes a token\'s commands up to its limit a minute, then answers 429 with Retry-After; another token is not held back', async () => {
    process.env.LEADSTREAM_COMMANDS_PER_MINUTE = '3';
    const tenantId = freshId('tenant');
    const [dialer, other] = [await tokenOf(tenantId, ['commands']), await tokenOf(tenantId, ['commands'])];
    for (let i = 0; i < 3; i++) expect((await command(dialer)).status).toBe(200);
    const refused = await refusal(await command(dialer));
    expect(refused).toMatchObject({ status: 429, error: { kind: 'rate-limited' } });
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    expect(refused.error.message).toMatch(/^Too many commands: at most 3 a minute for one API token\. Try again in \d+ s\.$/);
    expect((await command(other)).status).toBe(200);
  });

  it('nothing is stored for a command refused by the limit', async () => {
    process.env.LEADSTREAM_COMMANDS_PER_MINUTE = '1';
    const tenantId = freshId('tenant');
    const dialer = await tokenOf(tenantId, ['commands']);
    expect((await command(dialer)).status).toBe(200);
    expect((await command(dialer)).status).toBe(429);
    expect(await db.event.count({ where: { tenantId } })).toBe(1);
  });

  it('the export and its count are limited per token, each on its own', async () => {
    process.env.LEADSTREAM_EXPORTS_PER_MINUTE = '2';
    process.env.LEADSTREAM_EXPORT_COUNTS_PER_MINUTE = '3';
    const tenantId = freshId('tenant');
    const bi = await tokenOf(tenantId, ['export']);
    for (let i = 0; i < 2; i++) expect((await get(exportRoute, '/api/export?format=ndjson', bi)).status).toBe(200);
    const refused = await refusal(await get(exportRoute, '/api/export?format=ndjson', bi));
    expect(refused).toMatchObject({ status: 429, error: { kind: 'rate-limited', message: expect.stringMatching(/^Too many exports: at most 2 a minute/) } });
    for (let i = 0; i < 3; i++) expect((await get(exportCountRoute, '/api/export/count', bi)).status).toBe(200);
    expect(await refusal(await get(exportCountRoute, '/api/export/count', bi))).toMatchObject({ status: 429, error: { message: expect.stringMatching(/^Too many export counts/) } });
    expect((await get(exportRoute, '/api/export', await tokenOf(tenantId, ['export']))).status).toBe(200);
  });

  it('a logged-in user\'s exports count against their own limit', async () => {
    process.env.LEADSTREAM_EXPORT_COUNTS_PER_MINUTE = '1';
    const manager = await loggedIn(db, freshId('tenant'), 'manager');
    const count = () => exportCountRoute(requestAs(manager, '/api/export/count'), routeContext());
    expect((await count()).status).toBe(200);
    expect(await refusal(await count())).toMatchObject({ status: 429, error: { message: expect.stringMatching(/for one user/) } });
  });

  it('a limit set to off does not count, and an unreadable setting keeps the default', async () => {
    process.env.LEADSTREAM_COMMANDS_PER_MINUTE = 'off';
    const tenantId = freshId('tenant');
    const dialer = await tokenOf(tenantId, ['commands']);
    for (let i = 0; i < 5; i++) expect((await command(dialer)).status).toBe(200);
    process.env.LEADSTREAM_COMMANDS_PER_MINUTE = 'lots';
    expect((await command(dialer)).status).toBe(200);
  });
});
