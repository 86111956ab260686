import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { runDeliverer } from './deliverer';
import { WEBHOOKS_STREAM_ID } from './endpoints';
import { DELIVERER_ACTOR, changeWebhooks } from './service';
import { startReceiver, type Receiver } from './test-receiver';

const system = createSystem(testDb({ poolSize: 8 }));
const { store, db, dialing } = system;
const HOUR = 3_600_000;

function callCenter() {
  const tenantId = `tenant-${randomUUID()}`;
  const admin = { tenantId, id: 'admin' };
  const agent: CommandContext = { tenantId, actorId: 'ana', region: 'GB', dialing };
  return { tenantId, admin, agent };
}
type Center = ReturnType<typeof callCenter>;

async function register(center: Center, url: string, types: string[], status: string | null = null) {
  const endpointId = randomUUID();
  const { secret } = await changeWebhooks(store, center.admin, 'register', { endpointId, url, description: 'test', types, status });
  return { endpointId, secret: secret! };
}

async function newLead(center: Center) {
  const leadId = randomUUID();
  await executeLeadCommand(store, center.agent, { type: 'RegisterLead', data: { leadId, name: 'Ada Lovelace', phones: ['020 7946 0018'], source: 'web' } });
  return leadId;
}
const note = (center: Center, leadId: string, text: string) => executeLeadCommand(store, center.agent, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text } });
const changeStatus = (center: Center, leadId: string, status: string) => executeLeadCommand(store, center.agent, { type: 'ChangeStatus', leadId, data: { status } });

/** A deliverer on the test database; `clock.offset` moves its time. */
const running: (() => Promise<void>)[] = [];
function startDeliverer(clock = { offset: 0 }) {
  const controller = new AbortController();
  const done = runDeliverer(store, { connectionString: process.env.DATABASE_URL!, signal: controller.signal, pollMs: 50, random: () => 0, now: () => new Date(Date.now() + clock.offset) });
  const stop = async () => {
    controller.abort();
    await done;
  };
  running.push(stop);
  return { stop, clock };
}
const receivers: Receiver[] = [];
async function receiver() {
  const started = await startReceiver();
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
  await Promise.all(receivers.splice(0).map((started) => started.stop().catch(() => {})));
});

const deliveries = (tenantId: string, endpointId: string) =>
  db.webhookDelivery.findMany({ where: { tenantId, endpointId }, orderBy: [{ txId: 'asc' }, { position: 'asc' }], include: { tries: { orderBy: { attemptedAt: 'asc' } } } });

/** Per lead, the versions received in arrival order, a message repeated right after itself counted once. */
function versionsByLead(payloads: readonly { data: { leadId: string; version: number } }[]) {
  const byLead = new Map<string, number[]>();
  for (const { data } of payloads) {
    const seen = byLead.get(data.leadId) ?? [];
    if (seen.at(-1) !== data.version) seen.push(data.version);
    byLead.set(data.leadId, seen);
  }
  return byLead;
}

describe('webhook delivery', () => {
  it('sends the changes an endpoint\'s filter matches, signed so that the library\'s own verifier accepts them', async () => {
    const center = callCenter();
    const hooks = await receiver();
    const converted = await register(center, hooks.url, ['StatusChanged'], 'Converted');
    await changeStatus(center, await newLead(center), 'Closed');
    const leadId = await newLead(center);
    const result = await changeStatus(center, leadId, 'Converted');
    startDeliverer();

    await expect.poll(() => hooks.received.length, { timeout: 15_000 }).toBe(1);
    const [message] = hooks.received;
    const verified = new Webhook(converted.secret).verify(message!.body, message!.headers) as { type: string; id: string; data: unknown };
    expect(verified).toMatchObject({ type: 'StatusChanged', id: `evt_${result.position}`, data: { leadId, version: 2, change: { from: 'Available', to: 'Converted' } } });
    expect(message!.headers['webhook-id']).toBe(verified.id);
    expect(() => new Webhook(`whsec_${Buffer.from('another secret, not this one').toString('base64')}`).verify(message!.body, message!.headers)).toThrow();

    await expect.poll(async () => (await deliveries(center.tenantId, converted.endpointId))[0]?.delivered, { timeout: 5_000 }).toBe(true);
    const [delivery, ...others] = await deliveries(center.tenantId, converted.endpointId);
    expect(others).toEqual([]); // the change to Closed was not for this endpoint
    expect(delivery).toMatchObject({ delivered: true, eventType: 'StatusChanged', streamId: leadId, position: result.position });
    expect(delivery!.tries).toEqual([expect.objectContaining({ ok: true, statusCode: 200, excerpt: 'thanks' })]);
  });

  it('keeps the secret out of the log, and a rotated secret signs from then on', async () => {
    const center = callCenter();
    const hooks = await receiver();
    const endpoint = await register(center, hooks.url, ['NoteAdded']);
    const { secret: rotated } = await changeWebhooks(store, center.admin, 'rotate', { endpointId: endpoint.endpointId });
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(endpoint.secret);
    const logged = JSON.stringify(await store.readStream(center.tenantId, WEBHOOKS_STREAM_ID), (_, value) => (typeof value === 'bigint' ? value.toString() : value));
    expect(logged).not.toContain(endpoint.secret);
    expect(logged).not.toContain(rotated);
    expect(logged).toContain('WebhookSecretRotated');

    await note(center, await newLead(center), 'first note');
    startDeliverer();
    await expect.poll(() => hooks.received.length, { timeout: 15_000 }).toBe(1);
    expect(() => new Webhook(rotated!).verify(hooks.received[0]!.body, hooks.received[0]!.headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(hooks.received[0]!.body, hooks.received[0]!.headers)).toThrow();
  });

  it('loses nothing and keeps each lead\'s order through a receiver outage and a restart of the deliverer', async () => {
    const center = callCenter();
    const hooks = await receiver();
    const endpoint = await register(center, hooks.url, ['NoteAdded']);
    const [ada, ben] = [await newLead(center), await newLead(center)];
    for (let round = 1; round <= 4; round++) {
      await note(center, ada, `Ada ${round}`);
      await note(center, ben, `Ben ${round}`);
    }

    hooks.setMode({ kind: 'unavailable' });
    const first = startDeliverer();
    await expect.poll(async () => (await deliveries(center.tenantId, endpoint.endpointId))[0]?.tries.length ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await hooks.stop(); // now not even listening
    first.clock.offset += HOUR; // past the next attempt's time: it is refused a connection
    await expect.poll(async () => (await deliveries(center.tenantId, endpoint.endpointId))[0]?.tries.length ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const failed = (await deliveries(center.tenantId, endpoint.endpointId))[0]!;
    expect(failed.tries.map((attempt) => attempt.statusCode)).toEqual([503, null, ...failed.tries.slice(2).map((attempt) => attempt.statusCode)]);
    expect(failed.tries[1]!.excerpt).toMatch(/^Not reached/);
    expect(failed).toMatchObject({ delivered: false, failingSince: failed.tries[0]!.attemptedAt });

    // Back up: the first deliverer sends some, then the server restarts (a new deliverer on the same database).
    await hooks.reopen();
    hooks.setMode({ kind: 'ok' });
    first.clock.offset += HOUR;
    await expect.poll(() => hooks.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await first.stop();
    for (let round = 5; round <= 6; round++) {
      await note(center, ada, `Ada ${round}`);
      await note(center, ben, `Ben ${round}`);
    }
    startDeliverer({ offset: 2 * HOUR });

    await expect.poll(() => new Set(hooks.payloads().map((payload) => payload.id)).size, { timeout: 20_000 }).toBe(12);
    const versions = versionsByLead(hooks.payloads());
    expect(versions.get(ada)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(versions.get(ben)).toEqual([2, 3, 4, 5, 6, 7]);
    await expect.poll(async () => (await deliveries(center.tenantId, endpoint.endpointId)).every((delivery) => delivery.delivered), { timeout: 5_000 }).toBe(true);
  });

  it('lets neither another endpoint nor a command wait for a slow endpoint', async () => {
    const center = callCenter();
    const [slow, fast] = [await receiver(), await receiver()];
    slow.setMode({ kind: 'slow', ms: 6_000 });
    await register(center, slow.url, ['NoteAdded']);
    await register(center, fast.url, ['NoteAdded']);
    const leadId = await newLead(center);
    for (const text of ['one', 'two', 'three']) await note(center, leadId, text);
    startDeliverer();

    await expect.poll(() => fast.received.length, { timeout: 4_000 }).toBe(3);
    const started = performance.now();
    await note(center, leadId, 'four');
    expect(performance.now() - started).toBeLessThan(1_500);
    await expect.poll(() => fast.received.length, { timeout: 4_000 }).toBe(4);
    expect(slow.received.length).toBe(0); // still on its first, 6 s answer
  });

  it('disables an endpoint whose oldest change has failed for a day, and sends it all once enabled again', async () => {
    const center = callCenter();
    const hooks = await receiver();
    hooks.setMode({ kind: 'unavailable' });
    const endpoint = await register(center, hooks.url, ['NoteAdded']);
    const leadId = await newLead(center);
    await note(center, leadId, 'before the outage ends');
    const deliverer = startDeliverer();
    await expect.poll(async () => (await deliveries(center.tenantId, endpoint.endpointId))[0]?.tries.length ?? 0, { timeout: 15_000 }).toBe(1);

    deliverer.clock.offset = 23 * HOUR;
    await expect.poll(async () => (await deliveries(center.tenantId, endpoint.endpointId))[0]?.tries.length ?? 0, { timeout: 15_000 }).toBe(2);
    expect((await db.webhookEndpointRow.findUnique({ where: { tenantId_endpointId: { tenantId: center.tenantId, endpointId: endpoint.endpointId } } }))?.enabled).toBe(true);

    deliverer.clock.offset = 25 * HOUR;
    const row = () => db.webhookEndpointRow.findUnique({ where: { tenantId_endpointId: { tenantId: center.tenantId, endpointId: endpoint.endpointId } } });
    await expect.poll(async () => (await row())?.enabled, { timeout: 15_000 }).toBe(false);
    expect(await row()).toMatchObject({ disabledReason: 'failing' });
    const [disabled] = await store.readStream(center.tenantId, WEBHOOKS_STREAM_ID, { direction: 'backward', limit: 1 });
    expect(disabled).toMatchObject({ type: 'WebhookEndpointDisabled', data: { reason: 'failing' }, metadata: { actor: DELIVERER_ACTOR } });
    const triesWhenDisabled = (await deliveries(center.tenantId, endpoint.endpointId))[0]!.tries.length;

    hooks.setMode({ kind: 'ok' });
    deliverer.clock.offset = 30 * HOUR;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hooks.received).toEqual([]); // disabled: nothing is tried
    expect((await deliveries(center.tenantId, endpoint.endpointId))[0]!.tries.length).toBe(triesWhenDisabled);

    await changeWebhooks(store, center.admin, 'enable', { endpointId: endpoint.endpointId });
    await expect.poll(() => hooks.received.length, { timeout: 15_000 }).toBe(1);
    expect(hooks.payloads()[0]).toMatchObject({ type: 'NoteAdded', data: { leadId, version: 2 } });
  });

  it('sends the deliveries again, in order, from the one an admin replays from', async () => {
    const center = callCenter();
    const hooks = await receiver();
    const endpoint = await register(center, hooks.url, ['NoteAdded']);
    const leadId = await newLead(center);
    for (const text of ['one', 'two', 'three']) await note(center, leadId, text);
    startDeliverer();
    await expect.poll(() => hooks.received.length, { timeout: 15_000 }).toBe(3);

    const second = (await deliveries(center.tenantId, endpoint.endpointId))[1]!;
    await changeWebhooks(store, center.admin, 'replay', { endpointId: endpoint.endpointId, fromPosition: second.position.toString() });
    await expect.poll(() => hooks.received.length, { timeout: 15_000 }).toBe(5);
    expect(hooks.payloads().map((payload) => payload.data.version)).toEqual([2, 3, 4, 3, 4]);
    expect(hooks.payloads()[3]!.id).toBe(hooks.payloads()[1]!.id); // the same message: receivers dedupe by it
  });

  it('refuses a bad endpoint, naming the field, and stores nothing', async () => {
    const center = callCenter();
    await expect(changeWebhooks(store, center.admin, 'register', { endpointId: randomUUID(), url: 'ftp://example.com', types: ['NoteAdded'] }))
      .rejects.toMatchObject({ issues: [{ field: 'url', message: 'The URL must start with http:// or https://' }] });
    expect(await store.streamVersion(center.tenantId, WEBHOOKS_STREAM_ID)).toBeNull();
    expect(await db.webhookSecret.count({ where: { tenantId: center.tenantId } })).toBe(0);
  });
});
