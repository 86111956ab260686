// The live hub against the real log: a subscriber sees its own tenant's lead events as they are
// appended (woken by NOTIFY), never another tenant's; a resume after an id gets exactly what came
// after it; the hub keeps going when its LISTEN connection is cut; the SSE stream carries it all.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import type { Checkpoint } from '@/lib/event-store';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { until } from '@/lib/testing/projections';
import { createLiveHub } from './hub';
import { keepListening } from './listen';
import { eventIdOf, parseLastEventId, type LiveChange, type LivePresence } from './messages';
import { liveStream } from './stream';

const db = testDb();
const { store } = createSystem(db);
const stop = new AbortController();

const names = new Map([['agent-ben', 'Ben']]);
const hub = createLiveHub(store, { namesOf: async () => names, batchSize: 50 });
const applicationName = `leadstream-live-test-${randomUUID().slice(0, 8)}`;
const listening = keepListening({
  connectionString: process.env.DATABASE_URL!,
  channels: ['leadstream_events'],
  onWake: () => hub.catchUp(),
  signal: stop.signal,
  applicationName,
  pollMs: 60_000, // longer than any test: only NOTIFY (or a reconnect) wakes the hub
  retryMs: 100,
});
afterAll(async () => {
  stop.abort();
  await listening; // the LISTEN session ends with the signal
});

async function register(tenantId: string, name = 'Ada Lovelace'): Promise<string> {
  const leadId = randomUUID();
  await executeLeadCommand(store, { tenantId, actorId: 'agent-ben', region: 'GB' }, { type: 'RegisterLead', data: { leadId, name, phones: ['07911 123456'] } });
  return leadId;
}

const rename = (tenantId: string, leadId: string, name: string) =>
  executeLeadCommand(store, { tenantId, actorId: 'agent-ben', region: 'GB' }, { type: 'ChangeName', leadId, data: { name } });

function subscriber(tenantId: string) {
  const received: LiveChange[] = [];
  const state = { ready: null as Checkpoint | null, resets: 0 };
  const presences: LivePresence[] = [];
  return {
    tenantId, received, state, presences,
    send: (change: LiveChange) => received.push(change),
    presence: (presence: LivePresence) => presences.push(presence),
    ready: (at: Checkpoint) => (state.ready = at),
    reset: () => state.resets++,
  };
}

describe('the live hub', () => {
  it('hands a subscriber its tenant\u2019s changes as they are appended, worded as the history words them, and never another tenant\u2019s', async () => {
    const [mine, other] = [`tenant-${randomUUID()}`, `tenant-${randomUUID()}`];
    const me = subscriber(mine);
    const neighbour = subscriber(other);
    const leave = await hub.subscribe(me, null);
    await hub.subscribe(neighbour, null);
    const leadId = await register(mine);
    await register(other, 'Grace Hopper');
    await until(() => me.received.length === 1 && neighbour.received.length === 1, { timeoutMs: 5000 });
    expect(me.received[0]).toMatchObject({ type: 'LeadRegistered', leadId, actorName: 'Ben', version: 1 });
    expect(me.received[0]!.text).toMatch(/^Ben /);
    expect(JSON.stringify(me.received)).not.toContain('Grace Hopper');

    await rename(mine, leadId, 'Ada King');
    await until(() => me.received.length === 2, { timeoutMs: 5000 });
    expect(me.received[1]).toMatchObject({ type: 'NameChanged', text: 'Ben changed the name from “Ada Lovelace” to “Ada King”' });
    leave();
  });

  it('resumes after an id with exactly the events that came after it, then goes on live', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const first = subscriber(tenantId);
    const leave = await hub.subscribe(first, null);
    const leadId = await register(tenantId);
    await until(() => first.received.length === 1, { timeoutMs: 5000 });
    leave();
    await rename(tenantId, leadId, 'Ada King');
    await register(`tenant-${randomUUID()}`);
    await rename(tenantId, leadId, 'Ada Byron');

    const again = subscriber(tenantId);
    await hub.subscribe(again, parseLastEventId(first.received[0]!.id));
    expect(again.received.map((change) => [change.type, change.version])).toEqual([['NameChanged', 2], ['NameChanged', 3]]);
    expect(again.state.ready && eventIdOf(again.state.ready)).toBe(again.received[1]!.id);
    const later = await register(tenantId);
    await until(() => again.received.length === 3, { timeoutMs: 5000 });
    expect(again.received[2]).toMatchObject({ leadId: later, type: 'LeadRegistered' });
  });

  it('keeps delivering after its LISTEN connection is cut', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const me = subscriber(tenantId);
    await hub.subscribe(me, null);
    const killed = await db.$queryRaw<{ killed: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = ${applicationName}`;
    expect(killed.map((row) => row.killed)).toEqual([true]);
    await register(tenantId); // while the hub reconnects: read on its catch-up
    await until(() => me.received.length === 1, { timeoutMs: 5000 });
    await until(async () => (await db.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE application_name = ${applicationName}`).length === 1);
    await register(tenantId); // listened for again: woken by NOTIFY, well before the 60 s tick
    await until(() => me.received.length === 2, { timeoutMs: 5000 });
  });
});

describe('the SSE stream', () => {
  it('sends ready with a resumable id, then each change with its id, and leaves the hub when the browser goes', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const leadId = await register(tenantId);
    const browser = new AbortController();
    const before = hub.subscribers();
    const response = liveStream(hub, { tenantId, after: START, signals: [browser.signal] });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    await until(async () => {
      text += (await reader.read()).value ?? '';
      return text.includes('event: ready');
    });
    expect(text).toMatch(new RegExp(`id: \\d+-\\d+\\nevent: change\\ndata: \\{[^\\n]*"leadId":"${leadId}"`));
    expect(hub.subscribers()).toBe(before + 1);
    browser.abort();
    let ended = false;
    await until(async () => (ended = (await reader.read()).done));
    expect(ended).toBe(true);
    expect(hub.subscribers()).toBe(before);
  });

});

const START: Checkpoint = { txId: 0n, position: 0n };
