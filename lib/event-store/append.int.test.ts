import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '@/lib/errors';
import { freshId, testDb } from '@/lib/testing/database';
import { createEventStore, type NewEvent, type StreamRef } from '.';

const store = createEventStore(testDb());
const at = new Date('2026-01-05T09:00:00Z');
const event = (type: string, data: unknown = {}): NewEvent => ({ type, data, occurredAt: at, metadata: { actor: 'agent-1' } });
const newStream = (): StreamRef => ({ tenantId: freshId('tenant'), streamId: freshId('lead'), streamType: 'lead' });

describe('append', () => {
  it('writes events with contiguous versions and increasing global positions', async () => {
    const stream = newStream();
    const first = await store.append(stream, [event('A'), event('B')], { expectedVersion: 'no_stream' });
    const second = await store.append(stream, [event('C')], { expectedVersion: 2 });

    expect(first.nextExpectedVersion).toBe(2);
    expect(second.nextExpectedVersion).toBe(3);
    expect(second.firstPosition).toBeGreaterThan(first.lastPosition);
    const events = await store.readStream(stream.tenantId, stream.streamId);
    expect(events.map((e) => [e.version, e.type])).toEqual([[1, 'A'], [2, 'B'], [3, 'C']]);
    expect(events[0]!.metadata.actor).toBe('agent-1');
    expect(events[0]!.occurredAt.toISOString()).toBe(at.toISOString());
  });

  it('refuses a stale expected version and writes nothing', async () => {
    const stream = newStream();
    await store.append(stream, [event('A'), event('B')], { expectedVersion: 'no_stream' });

    const stale = store.append(stream, [event('C')], { expectedVersion: 1 });

    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(stale).rejects.toMatchObject({ actual: 2 });
    expect(await store.streamVersion(stream.tenantId, stream.streamId)).toBe(2);
    expect(await store.readStream(stream.tenantId, stream.streamId)).toHaveLength(2);
  });

  it('refuses an expected version ahead of the stream', async () => {
    const stream = newStream();
    await store.append(stream, [event('A')], { expectedVersion: 'no_stream' });
    await expect(store.append(stream, [event('B')], { expectedVersion: 5 })).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('"no_stream" refuses a stream that exists', async () => {
    const stream = newStream();
    await store.append(stream, [event('A')], { expectedVersion: 'no_stream' });
    await expect(store.append(stream, [event('A')], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('an expected version refuses a stream that does not exist', async () => {
    await expect(store.append(newStream(), [event('A')], { expectedVersion: 3 })).rejects.toMatchObject({ actual: null });
  });

  it('"any" appends whatever the version, creating the stream if needed', async () => {
    const stream = newStream();
    await store.append(stream, [event('A')], { expectedVersion: 'any' });
    const result = await store.append(stream, [event('B'), event('C')], { expectedVersion: 'any' });
    expect(result.nextExpectedVersion).toBe(3);
  });

  it('keeps streams of different tenants apart even with the same stream id', async () => {
    const streamId = freshId('lead');
    const a = { tenantId: freshId('tenant'), streamId, streamType: 'lead' };
    const b = { tenantId: freshId('tenant'), streamId, streamType: 'lead' };
    await store.append(a, [event('A')], { expectedVersion: 'no_stream' });
    await store.append(b, [event('B')], { expectedVersion: 'no_stream' });
    expect((await store.readStream(a.tenantId, streamId)).map((e) => e.type)).toEqual(['A']);
    expect((await store.readStream(b.tenantId, streamId)).map((e) => e.type)).toEqual(['B']);
  });

  it('writes all events of an append or none: a failing inline projection write rolls the append back', async () => {
    const failing = createEventStore(testDb(), {
      inlineProjections: [{ name: 'broken', plan: async () => [{ sql: 'SELECT 1 / 0 FROM jsonb_array_elements($1::jsonb)', rows: [{}] }] }],
    });
    const stream = newStream();
    await expect(failing.append(stream, [event('A'), event('B')], { expectedVersion: 'no_stream', commandId: freshId('command') })).rejects.toThrow(/division by zero/);
    expect(await store.readStream(stream.tenantId, stream.streamId)).toEqual([]);
    expect(await store.streamVersion(stream.tenantId, stream.streamId)).toBeNull();
  });

  it('runs every inline write, each statement prepared once per connection and, past the 64 kept, unprepared', async () => {
    const db = testDb();
    await db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS append_write_probe (stream_id text NOT NULL, n int NOT NULL)');
    const stream = newStream();
    const statements = Array.from({ length: 70 }, (_, n) => `INSERT INTO append_write_probe SELECT stream_id, ${n} FROM jsonb_to_recordset($1::jsonb) AS r(stream_id text)`);
    const probing = createEventStore(db, {
      inlineProjections: [{ name: 'probe', plan: async () => statements.map((sql) => ({ sql, rows: [{ stream_id: stream.streamId }] })) }],
    });
    await probing.append(stream, [event('A')], { expectedVersion: 'no_stream' });
    await probing.append(stream, [event('B')], { expectedVersion: 1 });
    const written = await db.$queryRawUnsafe<{ n: number; count: number }[]>(
      'SELECT n, count(*)::int AS count FROM append_write_probe WHERE stream_id = $1 GROUP BY n ORDER BY n', stream.streamId,
    );
    expect(written).toEqual(statements.map((_, n) => ({ n, count: 2 })));
  });
});

describe('a command that writes to several streams', () => {
  it('appends to each of them in one transaction, each at its own next version', async () => {
    const lead = newStream();
    const entry = { tenantId: lead.tenantId, streamId: freshId('dnc'), streamType: 'do-not-call' };
    await store.append(lead, [event('Registered')], { expectedVersion: 'no_stream' });
    const result = await store.append(lead, [event('Called')], { expectedVersion: 1, alongside: [{ stream: entry, events: [event('Blocked')], expectedVersion: 'no_stream' }] });
    expect(result.nextExpectedVersion).toBe(2);
    expect((await store.readStream(lead.tenantId, lead.streamId)).map((e) => [e.type, e.version])).toEqual([['Registered', 1], ['Called', 2]]);
    expect((await store.readStream(entry.tenantId, entry.streamId)).map((e) => [e.type, e.version])).toEqual([['Blocked', 1]]);
  });

  it('stores nothing in any of them when one of them has moved on', async () => {
    const lead = newStream();
    const entry = { tenantId: lead.tenantId, streamId: freshId('dnc'), streamType: 'do-not-call' };
    await store.append(entry, [event('Blocked')], { expectedVersion: 'no_stream' });
    const refused = store.append(lead, [event('Called')], { expectedVersion: 'no_stream', alongside: [{ stream: entry, events: [event('Blocked')], expectedVersion: 'no_stream' }] });
    await expect(refused).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(lead.tenantId, lead.streamId)).toEqual([]);
    expect(await store.readStream(entry.tenantId, entry.streamId)).toHaveLength(1);
  });
});

describe('readStream', () => {
  it('reads forward and backward, between versions and as of a moment', async () => {
    const stream = newStream();
    const times = ['2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z', '2026-01-03T10:00:00Z', '2026-01-04T10:00:00Z'];
    let version = 0;
    for (const [index, time] of times.entries()) {
      const result = await store.append(stream, [{ type: `E${index + 1}`, data: {}, occurredAt: new Date(time) }], { expectedVersion: version });
      version = result.nextExpectedVersion;
    }
    const types = async (options: Parameters<typeof store.readStream>[2]) =>
      (await store.readStream(stream.tenantId, stream.streamId, options)).map((e) => e.type);

    expect(await types({})).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(await types({ direction: 'backward' })).toEqual(['E4', 'E3', 'E2', 'E1']);
    expect(await types({ direction: 'backward', limit: 1 })).toEqual(['E4']);
    expect(await types({ fromVersion: 2, toVersion: 3 })).toEqual(['E2', 'E3']);
    expect(await types({ asOf: new Date('2026-01-02T12:00:00Z') })).toEqual(['E1', 'E2']);
    expect(await types({ asOf: new Date('2025-12-31T00:00:00Z') })).toEqual([]);
  });
});

describe('appending many streams in one statement', () => {
  it('stores every stream at its own versions, positions in the order given', async () => {
    const [a, b] = [newStream(), newStream()];
    const results = await store.appendStreams([
      { stream: a, events: [event('A1'), event('A2')], expectedVersion: 'no_stream' },
      { stream: b, events: [event('B1')], expectedVersion: 'no_stream' },
    ]);
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([2, 1]);
    expect(results[1]!.firstPosition).toBeGreaterThan(results[0]!.lastPosition);
    expect((await store.readStream(b.tenantId, b.streamId)).map((e) => [e.type, e.version])).toEqual([['B1', 1]]);
  });

  it('stores none of them when one stream already exists', async () => {
    const [fresh, taken] = [newStream(), newStream()];
    await store.append(taken, [event('Earlier')], { expectedVersion: 'no_stream' });
    const refused = store.appendStreams([
      { stream: fresh, events: [event('A')], expectedVersion: 'no_stream' },
      { stream: taken, events: [event('B')], expectedVersion: 'no_stream' },
    ]);
    await expect(refused).rejects.toMatchObject({ name: 'ConcurrencyError', streamId: taken.streamId, actual: 1 });
    expect(await store.streamVersion(fresh.tenantId, fresh.streamId)).toBeNull();
    expect(await store.readStream(taken.tenantId, taken.streamId)).toHaveLength(1);
  });
});
