// Presence across server processes: the heartbeat table, the arrivals and departures announced on
// their own channel, expiry after 45 s, tenants kept apart, and the hub passing it on.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { until } from '@/lib/testing/projections';
import { createLiveHub } from './hub';
import type { LivePresence } from './messages';
import { announcePresence, markGone, markPresent, parsePresenceNote, PRESENCE_CHANNEL, PRESENCE_TTL_MS, presentOn } from './presence';

const db = testDb();
const { store } = createSystem(db);
const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
const notes: { channel: string; payload?: string }[] = [];

beforeAll(async () => {
  await listener.connect();
  listener.on('notification', ({ channel, payload }) => notes.push({ channel, payload }));
  await listener.query(`LISTEN ${PRESENCE_CHANNEL}`);
});
afterAll(() => listener.end());

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const notesFor = (leadId: string) => notes.filter((note) => parsePresenceNote(note.payload)?.leadId === leadId);

describe('presence on a lead', () => {
  it('counts a user from the first heartbeat until 45 s after the last, announcing arrivals and departures only', async () => {
    const [tenantId, leadId] = [`tenant-${randomUUID()}`, randomUUID()];
    const start = new Date();
    await markPresent(db, { tenantId, leadId, userId: 'ben' }, start);
    await until(() => notesFor(leadId).length === 1);
    expect(parsePresenceNote(notesFor(leadId)[0]!.payload)).toEqual({ tenantId, leadId });
    await markPresent(db, { tenantId, leadId, userId: 'ana' }, later(start, 1000));
    await markPresent(db, { tenantId, leadId, userId: 'ben' }, later(start, 15_000)); // a heartbeat: no news
    await until(() => notesFor(leadId).length === 2);
    expect(await presentOn(db, tenantId, leadId, later(start, 20_000))).toEqual(['ana', 'ben']);
    expect(await presentOn(db, `tenant-${randomUUID()}`, leadId, later(start, 20_000))).toEqual([]);

    // Ana's tab died without a word: she drops out 45 s after her last heartbeat; back, she is news again.
    expect(await presentOn(db, tenantId, leadId, later(start, 1000 + PRESENCE_TTL_MS))).toEqual(['ben']);
    await markPresent(db, { tenantId, leadId, userId: 'ana' }, later(start, 50_000));
    await markGone(db, { tenantId, leadId, userId: 'ben' });
    await markGone(db, { tenantId, leadId, userId: 'ben' }); // twice: announced once
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notesFor(leadId)).toHaveLength(4);
    expect(await presentOn(db, tenantId, leadId, later(start, 51_000))).toEqual(['ana']);
  });

  it('reaches the browsers of the lead\u2019s tenant through the hub, and no other tenant\u2019s', async () => {
    const [tenantId, otherTenant, leadId] = [`tenant-${randomUUID()}`, `tenant-${randomUUID()}`, randomUUID()];
    const hub = createLiveHub(store, { namesOf: async () => new Map([['ben', 'Ben Okafor']]) });
    const heard = { mine: [] as LivePresence[], other: [] as LivePresence[] };
    const quiet = { send: () => {}, ready: () => {}, reset: () => {} };
    await hub.subscribe({ tenantId, ...quiet, presence: (presence) => heard.mine.push(presence) }, null);
    await hub.subscribe({ tenantId: otherTenant, ...quiet, presence: (presence) => heard.other.push(presence) }, null);

    await markPresent(db, { tenantId, leadId, userId: 'ben' }, new Date());
    await until(() => notesFor(leadId).length === 1);
    await announcePresence(hub, db, notesFor(leadId));
    expect(heard.mine).toEqual([{ leadId, viewers: [{ id: 'ben', name: 'ben' }] }]);
    expect(heard.other).toEqual([]);
  });
});
