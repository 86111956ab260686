import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as commandsRoute } from '@/app/api/commands/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import type { TokenScope } from '@/lib/auth/roles';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { loggedIn, requestAs, routeContext } from '@/lib/testing/sessions';

const db = testDb();
const { store } = createSystem(db);

async function tokenOf(tenantId: string, scopes: TokenScope[] = ['commands']) {
  return (await createApiToken(db, tenantId, 'adam', { name: 'Dialer', scopes })).token;
}

/** POST /api/commands as a dialer sends it. */
async function send(token: string | null, body: unknown, { key, contentType = 'application/json' }: { key?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (key) headers['Idempotency-Key'] = key;
  const response = await commandsRoute(
    new Request('http://leadstream.test/api/commands', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    routeContext(),
  );
  return { status: response.status, body: await response.json() };
}

const registration = (leadId: string) => ({ type: 'RegisterLead', data: { leadId, name: 'Dialed Lead', phones: ['020 7946 0018'], source: 'dialer' } });
const typesOf = async (tenantId: string, leadId: string) => (await store.readStream(tenantId, leadId)).map((event) => event.type);

describe('the command API', () => {
  it('carries out a command and answers the new version and position, recording the token as the actor', async () => {
    const tenantId = freshId('tenant');
    const token = await tokenOf(tenantId);
    const leadId = randomUUID();
    const registered = await send(token, registration(leadId));
    expect(registered).toMatchObject({ status: 200, body: { leadId, version: 1, duplicate: false, merged: false } });
    const called = await send(token, { type: 'RecordCallOutcome', leadId, expectedVersion: 1, data: { outcome: 'no-answer' } });
    // The call, and the retry its disposition (no answer) schedules: two events.
    expect(called).toMatchObject({ status: 200, body: { leadId, version: 3 } });
    expect(BigInt(called.body.position)).toBeGreaterThan(BigInt(registered.body.position));

    const [event] = await store.readStream(tenantId, leadId, { fromVersion: 2 });
    expect(event).toMatchObject({ type: 'CallOutcomeRecorded', data: { outcome: 'no-answer', notes: null } });
    expect(event!.metadata.actor).toMatch(/^token:/);
  });

  it('an Idempotency-Key sent again returns the first result and appends nothing', async () => {
    const tenantId = freshId('tenant');
    const token = await tokenOf(tenantId);
    const leadId = randomUUID();
    await send(token, registration(leadId));
    const key = randomUUID();
    const note = { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: 'Left a voicemail' } };
    const first = await send(token, note, { key });
    const retry = await send(token, note, { key });
    expect(retry).toEqual({ status: 200, body: { ...first.body, duplicate: true } });
    expect(await typesOf(tenantId, leadId)).toEqual(['LeadRegistered', 'NoteAdded']);
  });

  it('an Idempotency-Key sent again with a different command is a 422 naming the header, and nothing is stored', async () => {
    const tenantId = freshId('tenant');
    const token = await tokenOf(tenantId);
    const leadId = randomUUID();
    await send(token, registration(leadId));
    const key = randomUUID();
    await send(token, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: 'First' } }, { key });
    const reused = await send(token, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: 'Second' } }, { key });
    expect(reused).toMatchObject({ status: 422, body: { error: { kind: 'illegal-state', fields: { 'Idempotency-Key': expect.stringMatching(/already used for a different command/) } } } });
    expect(await typesOf(tenantId, leadId)).toEqual(['LeadRegistered', 'NoteAdded']);
  });

  it('answers 409 with the changes made since the expected version when they collide, and appends nothing', async () => {
    const tenantId = freshId('tenant');
    const token = await tokenOf(tenantId);
    const leadId = randomUUID();
    await send(token, registration(leadId));
    await send(token, { type: 'ChangeStatus', leadId, expectedVersion: 1, data: { status: 'Closed' } });

    const stale = await send(token, { type: 'SetFollowUp', leadId, expectedVersion: 1, data: { at: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      kind: 'conflict',
      currentVersion: 2,
      changes: [expect.objectContaining({ version: 2, type: 'StatusChanged', actor: expect.stringMatching(/^token:/), data: { from: 'Available', to: 'Closed' } })],
    });
    expect(await typesOf(tenantId, leadId)).toEqual(['LeadRegistered', 'StatusChanged']);
  });

  it.each([
    ['a phone that is not one', (leadId: string) => ({ ...registration(leadId), data: { ...registration(leadId).data, phones: ['12'] } }), 'phones.0'],
    ['an unknown command', () => ({ type: 'DeleteLead', leadId: randomUUID(), data: {} }), 'type'],
    ['an unknown field', (leadId: string) => ({ ...registration(leadId), priority: 'high' }), 'priority'],
    ['an expected version that is not a number', (leadId: string) => ({ type: 'ChangeName', leadId, expectedVersion: 'one', data: { name: 'X' } }), 'expectedVersion'],
    ['a status that does not exist', (leadId: string) => ({ type: 'ChangeStatus', leadId, data: { status: 'Sleeping' } }), 'status'],
  ])('a body with %s is a 400 naming the field, and nothing is stored', async (_, body, field) => {
    const tenantId = freshId('tenant');
    const token = await tokenOf(tenantId);
    const leadId = randomUUID();
    const refused = await send(token, body(leadId));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ kind: 'validation', fields: { [field]: expect.any(String) } });
    expect(await store.readStream(tenantId, leadId)).toEqual([]);
  });

  it('refuses a body that is not JSON, and a malformed Idempotency-Key, naming them', async () => {
    const token = await tokenOf(freshId('tenant'));
    expect((await send(token, '{"type":', {})).body.error.fields).toEqual({ body: 'The body is not valid JSON' });
    expect((await send(token, registration(randomUUID()), { contentType: 'text/plain' })).body.error.fields).toHaveProperty('Content-Type');
    const badKey = await send(token, registration(randomUUID()), { key: 'short' });
    expect(badKey).toMatchObject({ status: 400, body: { error: { fields: { 'Idempotency-Key': expect.any(String) } } } });
  });

  it('refuses a body over 64 KB with 413 and a clear message, and stores nothing', async () => {
    const tenantId = freshId('tenant');
    const token = await tokenOf(tenantId);
    const leadId = randomUUID();
    await send(token, registration(leadId));
    // Within the limit: the longest note the lead takes, every character escaped (about 30 KB).
    const escaped = '\\u00e9'.repeat(5000);
    const longest = await send(token, `{"type":"AddNote","leadId":"${leadId}","data":{"noteId":"${randomUUID()}","text":"${escaped}"}}`);
    expect(longest.status).toBe(200);

    const huge = await send(token, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: 'x'.repeat(100_000) } });
    expect(huge).toEqual({ status: 413, body: { error: { kind: 'too-large', message: 'A command is at most 64 KB of JSON; this body is larger. Nothing was stored.' } } });
    expect(await typesOf(tenantId, leadId)).toEqual(['LeadRegistered', 'NoteAdded']);
  });

  it('stops reading an oversized body at the limit, whether or not it declared its length', async () => {
    const token = await tokenOf(freshId('tenant'));
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    const streamed = await commandsRoute(new Request('http://leadstream.test/api/commands', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: endless, duplex: 'half',
    } as RequestInit), routeContext());
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(256 * 1024);

    const declared = await commandsRoute(new Request('http://leadstream.test/api/commands', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Content-Length': String(50 * 1024 * 1024) }, body: '{}',
    }), routeContext());
    expect(declared.status).toBe(413);
  });

  it('refuses a token with only the export scope (403), no token or a session cookie alone (401)', async () => {
    const tenantId = freshId('tenant');
    const exportOnly = await send(await tokenOf(tenantId, ['export']), registration(randomUUID()));
    expect(exportOnly).toMatchObject({ status: 403, body: { error: { kind: 'forbidden' } } });
    expect((await send(null, registration(randomUUID()))).status).toBe(401);

    const agent = await loggedIn(db, tenantId, 'agent');
    const withCookie = await commandsRoute(requestAs(agent, '/api/commands', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(registration(randomUUID())),
    }), routeContext());
    expect(withCookie.status).toBe(401);
  });

  it('another tenant\u2019s token cannot touch this tenant\u2019s lead: it is not found', async () => {
    const tenantId = freshId('tenant');
    const leadId = randomUUID();
    await send(await tokenOf(tenantId), registration(leadId));
    const theirs = await send(await tokenOf(freshId('tenant')), { type: 'ChangeName', leadId, data: { name: 'Taken over' } });
    expect(theirs).toMatchObject({ status: 404, body: { error: { kind: 'not-found', message: 'Lead not found' } } });
    expect(await typesOf(tenantId, leadId)).toEqual(['LeadRegistered']);
  });
});
