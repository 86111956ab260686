import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createEventStore } from '@/lib/event-store';
import { ValidationError } from '@/lib/errors';
import { GET as exportRoute } from '@/app/api/export/route';
import { describeError } from '@/lib/present/error-text';
import { freshId, testDb } from '@/lib/testing/database';
import { routeContext } from '@/lib/testing/sessions';
import { createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from './api-tokens';

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
});
