import { describe, expect, it } from 'vitest';
import { freshId, testDb } from '@/lib/testing/database';
import { z } from 'zod';
import { createEventRegistry, createEventStore, EventShapeError, START_OF_LOG } from '.';

const registry = createEventRegistry([{
  // v1 had `fullName`; v2 split it; v3 added `source`.
  Registered: {
    schema: z.strictObject({ first: z.string(), last: z.string(), source: z.string() }),
    version: 3,
    upcast: {
      1: ({ fullName }: { fullName: string }) => ({ first: fullName.split(' ')[0], last: fullName.split(' ').slice(1).join(' ') }),
      2: (data: object) => ({ ...data, source: 'unknown' }),
    },
  },
}]);
const db = testDb();
const store = createEventStore(db, { registry });

describe('upcasting', () => {
  it('an event stored with an old schema version is read in its latest shape, by stream and globally', async () => {
    const tenantId = freshId('tenant');
    const streamId = freshId('lead');
    await db.$executeRaw`
      INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
      VALUES (${tenantId}, ${streamId}, 'lead', 1, 'Registered', 1, '{"fullName":"Ana Lima Souza"}'::jsonb, '{}'::jsonb, now())`;
    await db.$executeRaw`INSERT INTO streams (tenant_id, stream_id, stream_type, version) VALUES (${tenantId}, ${streamId}, 'lead', 1)`;

    const [fromStream] = await store.readStream(tenantId, streamId);
    const { events: [fromLog] } = await store.readAll(START_OF_LOG, { tenantId });

    const latest = { first: 'Ana', last: 'Lima Souza', source: 'unknown' };
    expect(fromStream).toMatchObject({ schemaVersion: 3, data: latest });
    expect(fromLog).toMatchObject({ schemaVersion: 3, data: latest });
  });

  it('new events are stored with the latest schema version and read unchanged', async () => {
    const stream = { tenantId: freshId('tenant'), streamId: freshId('lead'), streamType: 'lead' };
    const data = { first: 'Ivo', last: 'Petrov', source: 'web' };
    await store.append(stream, [{ type: 'Registered', data, occurredAt: new Date() }], { expectedVersion: 'no_stream' });
    const stored = await db.$queryRaw<{ schema_version: number }[]>`
      SELECT schema_version FROM events WHERE tenant_id = ${stream.tenantId} AND stream_id = ${stream.streamId}`;
    expect(stored[0]!.schema_version).toBe(3);
    expect((await store.readStream(stream.tenantId, stream.streamId))[0]!.data).toEqual(data);
  });
});

describe('the registered schemas', () => {
  const stream = () => ({ tenantId: freshId('tenant'), streamId: freshId('lead'), streamType: 'lead' });

  it('refuse a new event whose data does not match, and nothing is stored', async () => {
    const refused = stream();
    const attempt = store.append(refused, [{ type: 'Registered', data: { first: 'Ivo', last: 42 }, occurredAt: new Date() }], { expectedVersion: 'no_stream' });
    await expect(attempt).rejects.toBeInstanceOf(EventShapeError);
    await expect(attempt).rejects.toThrow(/Registered does not match its schema: last: .*source/s);
    expect(await store.streamVersion(refused.tenantId, refused.streamId)).toBeNull();
  });

  it('refuse an event type no aggregate registered', async () => {
    const refused = stream();
    await expect(store.append(refused, [{ type: 'Unheard', data: {}, occurredAt: new Date() }], { expectedVersion: 'no_stream' })).rejects.toThrow(/Unheard is not registered/);
    expect(await store.readStream(refused.tenantId, refused.streamId)).toEqual([]);
  });

  it('make a stored event that does not match fail loudly, naming its position, instead of reading it wrong', async () => {
    const { tenantId, streamId } = stream();
    await db.$executeRaw`
      INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
      VALUES (${tenantId}, ${streamId}, 'lead', 1, 'Registered', 3, '{"first":"Ana"}'::jsonb, '{}'::jsonb, now())`;
    await expect(store.readStream(tenantId, streamId)).rejects.toThrow(/Stored event Registered at position \d+ does not match the Registered schema/);
  });
});
