import { describe, expect, it } from 'vitest';
import { freshId, testDb } from '@/lib/testing/database';
import { heldOpenAppend } from '@/lib/testing/held-open-append';
import { createEventStore, START_OF_LOG, type Checkpoint, type StoredEvent, type StreamRef } from '.';

const occurredAt = new Date('2026-01-05T09:00:00Z');

async function readAllOf(store: ReturnType<typeof createEventStore>, tenantId: string, from: Checkpoint) {
  const delivered: StoredEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await store.readAll(checkpoint, { tenantId, limit: 2 });
    if (page.events.length === 0) return { delivered, checkpoint };
    delivered.push(...page.events);
    checkpoint = page.checkpoint;
  }
}

describe('readAll in gap-safe order', () => {
  it('delivers every event once, in order, across pages', async () => {
    const store = createEventStore(testDb());
    const tenantId = freshId('tenant');
    for (let i = 0; i < 5; i++) {
      await store.append({ tenantId, streamId: freshId('lead'), streamType: 'lead' }, [{ type: `E${i}`, data: {}, occurredAt }], { expectedVersion: 'no_stream' });
    }
    const { delivered } = await readAllOf(store, tenantId, START_OF_LOG);
    expect(delivered.map((e) => e.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
  });

  it('never skips an event whose transaction took its position first but committed last', async () => {
    const store = createEventStore(testDb());
    const tenantId = freshId('tenant');
    const slowStream: StreamRef = { tenantId, streamId: freshId('lead'), streamType: 'lead' };
    const fastStream: StreamRef = { tenantId, streamId: freshId('lead'), streamType: 'lead' };
    const slow = heldOpenAppend(slowStream);
    const slowAppend = slow.done;
    await slow.inside; // the slow event has its position; its transaction is still open
    const fast = await store.append(fastStream, [{ type: 'Fast', data: {}, occurredAt }], { expectedVersion: 'no_stream' });

    // The fast event is committed with a later position, but a reader must not move past the slow one.
    const whileOpen = await readAllOf(store, tenantId, START_OF_LOG);
    expect(whileOpen.delivered).toEqual([]);
    expect(whileOpen.checkpoint).toEqual(START_OF_LOG);

    slow.release();
    const slowResult = await slowAppend;
    expect(slowResult.firstPosition).toBeLessThan(fast.firstPosition);

    const afterCommit = await readAllOf(store, tenantId, whileOpen.checkpoint);
    expect(afterCommit.delivered.map((e) => e.type)).toEqual(['Slow', 'Fast']);
    const again = await readAllOf(store, tenantId, afterCommit.checkpoint);
    expect(again.delivered).toEqual([]);
  });

  it('a checkpoint taken while another transaction is open never passes that transaction', async () => {
    const store = createEventStore(testDb());
    const tenantId = freshId('tenant');
    await store.append({ tenantId, streamId: freshId('lead'), streamType: 'lead' }, [{ type: 'Before', data: {}, occurredAt }], { expectedVersion: 'no_stream' });
    const before = await readAllOf(store, tenantId, START_OF_LOG);
    expect(before.delivered.map((e) => e.type)).toEqual(['Before']);

    const slow = heldOpenAppend({ tenantId, streamId: freshId('lead'), streamType: 'lead' });
    const slowAppend = slow.done;
    await slow.inside;
    for (let i = 0; i < 3; i++) {
      await store.append({ tenantId, streamId: freshId('lead'), streamType: 'lead' }, [{ type: `After${i}`, data: {}, occurredAt }], { expectedVersion: 'no_stream' });
    }
    const whileOpen = await readAllOf(store, tenantId, before.checkpoint);
    expect(whileOpen.delivered).toEqual([]);

    slow.release();
    await slowAppend;
    const rest = await readAllOf(store, tenantId, whileOpen.checkpoint);
    expect(rest.delivered.map((e) => e.type)).toEqual(['Slow', 'After0', 'After1', 'After2']);
  });

  it('orders by transaction id as a number, not as text (transaction 9 before transaction 10)', async () => {
    const db = testDb();
    const store = createEventStore(db);
    const tenantId = freshId('tenant');
    for (const [txId, type] of [['10', 'Later'], ['9', 'Earlier']] as const) {
      await db.$executeRaw`
        INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at, tx_id)
        VALUES (${tenantId}, ${freshId('lead')}, 'lead', 1, ${type}, 1, '{}'::jsonb, '{}'::jsonb, now(), ${txId}::xid8)`;
    }
    const { delivered } = await readAllOf(store, tenantId, START_OF_LOG);
    expect(delivered.map((e) => [e.txId, e.type])).toEqual([[9n, 'Earlier'], [10n, 'Later']]);
  });
});
