import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshId, testDb } from '@/lib/testing/database';
import { createEventStore, type StreamRef } from '.';

const store = createEventStore(testDb({ poolSize: 12 }));
const occurredAt = new Date('2026-01-05T09:00:00Z');
const newStream = (): StreamRef => ({ tenantId: freshId('tenant'), streamId: freshId('lead'), streamType: 'lead' });

describe('idempotent appends by command id', () => {
  it('the same command id twice returns the first result and appends nothing', async () => {
    const stream = newStream();
    const commandId = randomUUID();
    const first = await store.append(stream, [{ type: 'A', data: {}, occurredAt }], { expectedVersion: 'no_stream', commandId });
    const second = await store.append(stream, [{ type: 'A', data: {}, occurredAt }], { expectedVersion: 'any', commandId });

    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ duplicate: true, nextExpectedVersion: first.nextExpectedVersion, lastPosition: first.lastPosition });
    expect(await store.readStream(stream.tenantId, stream.streamId)).toHaveLength(1);
  });

  it('ten concurrent submissions of one command append once and all get the same result', async () => {
    const stream = newStream();
    await store.append(stream, [{ type: 'Registered', data: {}, occurredAt }], { expectedVersion: 'no_stream' });
    const commandId = randomUUID();

    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.append(stream, [{ type: 'Edited', data: {}, occurredAt }], { expectedVersion: 'any', commandId })),
    );

    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.lastPosition)).size).toBe(1);
    expect((await store.readStream(stream.tenantId, stream.streamId)).map((e) => e.type)).toEqual(['Registered', 'Edited']);
  });

  it('a command id is per tenant', async () => {
    const commandId = randomUUID();
    const a = await store.append(newStream(), [{ type: 'A', data: {}, occurredAt }], { expectedVersion: 'no_stream', commandId });
    const b = await store.append(newStream(), [{ type: 'A', data: {}, occurredAt }], { expectedVersion: 'no_stream', commandId });
    expect([a.duplicate, b.duplicate]).toEqual([false, false]);
  });

  it('a refused append does not use up its command id', async () => {
    const stream = newStream();
    await store.append(stream, [{ type: 'A', data: {}, occurredAt }], { expectedVersion: 'no_stream' });
    const commandId = randomUUID();
    await expect(store.append(stream, [{ type: 'B', data: {}, occurredAt }], { expectedVersion: 0, commandId })).rejects.toThrow();
    const retried = await store.append(stream, [{ type: 'B', data: {}, occurredAt }], { expectedVersion: 1, commandId });
    expect(retried).toMatchObject({ duplicate: false, nextExpectedVersion: 2 });
  });
});
