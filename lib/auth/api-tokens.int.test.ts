import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createEventStore } from '@/lib/event-store';
import { ValidationError } from '@/lib/errors';
import { GET as exportRoute } from '@/app/api/export/route';
import { describeError } from '@/lib/present/error-text';
import { freshId, testDb } from '@/lib/testing/database';
import { routeContext } from '@/lib/testing/sessions';
import { checkApiToken, createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from './api-tokens';

const db = testDb();
const store = createEventStore(db);
const occurredAt = new Date('2026-02-01T08:00:00Z');

async function tenantWithEvent() {
  const tenantId = freshId('tenant');
  const leadId = randomUUID();
  await store.append({ tenantId, streamId: leadId, streamType: 'lead' }, [{ type: 'NoteAdded', data: { noteId: randomUUID(), text: 'hi' }, occurredAt }], { expectedVersion: 'no_stream' });
  return { tenantId, leadId };
}

/** The API as a BI tool calls it: no session, only the Authorization header. */
function apiGet(authorization: string | null, query = 'format=csv') {
  const headers = authorization === null ? undefined : { Authorization: authorization };
  return exportRoute(new Request(`http://leadstream.test/api/export?${query}`, { headers }), routeContext());
}

describe('API tokens', () => {
  it('are shown once, stored only as a hash, listed by prefix, and record their last use', async () => {
    const { tenantId } = await tenantWithEvent();
    const { token, summary } = await createApiToken(db, tenantId, 'adam', { name: '  Nightly warehouse load ' });
    expect(token).toMatch(/^lsk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(`lsk_${summary.prefix}_`)).toBe(true);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row).toMatchObject({ tenantId, name: 'Nightly warehouse load', scopes: ['export'], createdBy: 'adam', lastUsedAt: null });
    // The secret is everything after `lsk_<prefix>_`: base64url, so it may itself hold underscores.
    const secret = token.slice(`lsk_${summary.prefix}_`.length);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await verifyApiToken(db, token)).toMatchObject({ id: summary.id, tenantId, scopes: ['export'] });
    expect((await listApiTokens(db, tenantId))[0]).toMatchObject({ id: summary.id, prefix: summary.prefix, lastUsedAt: expect.any(Date) });
    await expect(createApiToken(db, tenantId, 'adam', { name: ' ' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('a token exports its own tenant\'s events', async () => {
    const { tenantId, leadId } = await tenantWithEvent();
    const { token } = await createApiToken(db, tenantId, 'adam', { name: 'BI' });
    const response = await apiGet(`Bearer ${token}`);
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.tenant_id, row.stream_id, row.type])).toEqual([[tenantId, leadId, 'NoteAdded']]);
  });

  it('refuses missing, malformed, wrong and revoked tokens with 401', async () => {
    const { tenantId } = await tenantWithEvent();
    const { token, summary } = await createApiToken(db, tenantId, 'adam', { name: 'BI' });
    const wrongSecret = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const unknownPrefix = token.replace(/^lsk_[0-9a-f]{12}/, 'lsk_000000000000');
    for (const authorization of [null, 'Bearer', 'Basic YWRtaW46YWRtaW4=', 'Bearer nonsense', `Bearer ${wrongSecret}`, `Bearer ${unknownPrefix}`, token]) {
      const response = await apiGet(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect((await response.json()).error.kind).toBe('unauthenticated');
    }
    expect(await verifyApiToken(db, wrongSecret)).toBeNull();

    await revokeApiToken(db, tenantId, summary.id);
    const revoked = await apiGet(`Bearer ${token}`);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toMatch(/revoked/);
    expect(describeError(await revokeApiToken(db, tenantId, summary.id).catch((error) => error))).toMatch(/No such active token/);
  });

  it('another tenant\'s token never reads this tenant\'s events, and is refused when it asks for them', async () => {
    const mine = await tenantWithEvent();
    const theirs = await tenantWithEvent();
    const { token: theirToken } = await createApiToken(db, theirs.tenantId, 'sam', { name: 'Theirs' });

    const asked = await apiGet(`Bearer ${theirToken}`, `tenant=${mine.tenantId}`);
    expect(asked.status).toBe(403);
    expect((await asked.json()).error).toMatchObject({ kind: 'forbidden', parameter: 'tenant' });

    const rows = parse(await (await apiGet(`Bearer ${theirToken}`, `lead=${mine.leadId}`)).text(), { columns: true });
    expect(rows).toEqual([]);
    const own = parse(await (await apiGet(`Bearer ${theirToken}`)).text(), { columns: true }) as Record<string, string>[];
    expect(own.map((row) => row.tenant_id)).toEqual([theirs.tenantId]);

    // Nor can an admin of another tenant revoke it.
    const { summary } = await createApiToken(db, mine.tenantId, 'adam', { name: 'Mine' });
    expect(describeError(await revokeApiToken(db, theirs.tenantId, summary.id).catch((error) => error))).toMatch(/No such active token/);
    expect(await verifyApiToken(db, (await createApiToken(db, mine.tenantId, 'adam', { name: 'x' })).token)).not.toBeNull();
  });

  it('expire after the lifetime chosen at creation, 90 days unless told, and are then refused with 401 saying so', async () => {
    const { tenantId } = await tenantWithEvent();
    const days = (n: number) => new Date(Date.now() - n * 86_400_000);
    const created = days(91);
    const old = await createApiToken(db, tenantId, 'adam', { name: 'Old BI' }, { now: created });
    expect(old.summary.expiresAt).toEqual(new Date(created.getTime() + 90 * 86_400_000));
    const response = await apiGet(`Bearer ${old.token}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await response.json()).error).toMatchObject({ kind: 'unauthenticated', message: expect.stringMatching(/^This API token expired at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/) });
    expect(await checkApiToken(db, old.token)).toMatchObject({ ok: false, reason: 'expired' });

    const month = await createApiToken(db, tenantId, 'adam', { name: 'Monthly', expires: '30' }, { now: days(29) });
    expect((await apiGet(`Bearer ${month.token}`)).status).toBe(200);
    expect((await apiGet(`Bearer ${month.token}`)).status).toBe(200);
    const expired = await createApiToken(db, tenantId, 'adam', { name: 'Monthly', expires: '30' }, { now: days(31) });
    expect((await apiGet(`Bearer ${expired.token}`)).status).toBe(401);
    // Listed with its expiry, like revoked ones with their revocation.
    expect((await listApiTokens(db, tenantId)).find((token) => token.id === old.summary.id)).toMatchObject({ expiresAt: old.summary.expiresAt });
  });

  it('take 30, 90 or 365 days or a date up to a year ahead (valid to the end of that UTC day), and refuse anything else by field', async () => {
    const tenantId = freshId('tenant');
    const now = new Date('2026-06-10T15:30:00Z');
    const expiry = async (expires: unknown) => (await createApiToken(db, tenantId, 'adam', { name: 'x', expires }, { now })).summary.expiresAt.toISOString();
    expect(await expiry('30')).toBe('2026-07-10T15:30:00.000Z');
    expect(await expiry('365')).toBe('2027-06-10T15:30:00.000Z');
    expect(await expiry('2026-12-31')).toBe('2027-01-01T00:00:00.000Z');
    expect(await expiry('2027-06-10')).toBe('2027-06-11T00:00:00.000Z');
    for (const [expires, message] of [
      ['never', /Choose 30, 90 or 365 days, or a date/], ['7', /Choose 30, 90 or 365/], [30, /Choose 30, 90 or 365/], ['2026-02-30', /Choose/],
      ['toString', /Choose/], ['2026-06-10', /after today/], ['2026-06-01', /after today/], ['2027-06-12', /at most a year/],
    ] as const) {
      const refused = await createApiToken(db, tenantId, 'adam', { name: 'x', expires }, { now }).catch((error) => error);
      expect(refused, String(expires)).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).issues, String(expires)).toEqual([{ field: 'expires', message: expect.stringMatching(message) }]);
    }
    expect(await db.apiToken.count({ where: { tenantId } })).toBe(4);
  });

  it('record when they were last used, to the minute, without writing on every request', async () => {
    const { tenantId } = await tenantWithEvent();
    const first = new Date('2030-01-01T10:00:00Z');
    const { token, summary } = await createApiToken(db, tenantId, 'adam', { name: 'Dialer' }, { now: new Date('2029-12-31T10:00:00Z') });
    await checkApiToken(db, token, { now: first });
    await checkApiToken(db, token, { now: new Date('2030-01-01T10:00:30Z') });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt).toEqual(first);
    await checkApiToken(db, token, { now: new Date('2030-01-01T10:01:01Z') });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt).toEqual(new Date('2030-01-01T10:01:01Z'));
  });
});
