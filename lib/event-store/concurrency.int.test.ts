import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '@/lib/errors';
import { freshId, testDb } from '@/lib/testing/database';
import { createEventStore, type StreamRef } from '.';

const store = createEventStore(testDb({ poolSize: 20 }));
const occurredAt = new Date('2026-01-05T09:00:00Z');

describe('20 concurrent appenders on one stream', () => {
  it('with the same expected version: exactly one succeeds, the others get a concurrency error', async () => {
    const stream: StreamRef = { tenantId: freshId('tenant'), streamId: freshId('lead'), streamType: 'lead' };
    await store.append(stream, [{ type: 'Registered', data: {}, occurredAt }], { expectedVersion: 'no_stream' });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, writer) =>
        store.append(stream, [{ type: 'Edited', data: { writer }, occurredAt }], { expectedVersion: 1 }),
      ),
    );

    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(succeeded).toHaveLength(1);
    expect(refused.every((outcome) => outcome.reason instanceof ConcurrencyError)).toBe(true);
    expect(await store.readStream(stream.tenantId, stream.streamId)).toHaveLength(2);
  });

  it('each retrying until it lands: versions are contiguous, every write is there exactly once', async () => {
    const stream: StreamRef = { tenantId: freshId('tenant'), streamId: freshId('lead'), streamType: 'lead' };
    let conflicts = 0;
    const writer = async (id: number) => {
      for (;;) {
        const version = (await store.streamVersion(stream.tenantId, stream.streamId)) ?? 0;
        try {
          return await store.append(stream, [{ type: 'Edited', data: { writer: id }, occurredAt }], { expectedVersion: version });
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          conflicts++;
        }
      }
    };

    const results = await Promise.all(Array.from({ length: 20 }, (_, id) => writer(id)));

    const events = await store.readStream(stream.tenantId, stream.streamId);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(events.map((e) => (e.data as { writer: number }).writer).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(results.map((r) => r.nextExpectedVersion)).size).toBe(20);
    expect(conflicts).toBeGreaterThan(0); // they really did collide
  });
});
