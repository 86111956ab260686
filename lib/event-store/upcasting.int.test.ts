import { describe, expect, it } from 'vitest';
import { freshId, testDb } from '@/lib/testing/database';
import { createEventStore, createUpcasterRegistry, START_OF_LOG } from '.';

const upcasters = createUpcasterRegistry({
  // v1 had `fullName`; v2 split it; v3 added `source`.
  Registered: {
    latest: 3,
    steps: {
      1: ({ fullName }: { fullName: string }) => ({ first: fullName.split(' ')[0], last: fullName.split(' ').slice(1).join(' ') }),
      2: (data: object) => ({ ...data, source: 'unknown' }),
    },
  },
});
const db = testDb();
const store = createEventStore(db, { upcasters });

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
