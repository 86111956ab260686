import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventStore, type StreamRef } from '@/lib/event-store';
import { exportHorizon, HorizonTimeoutError } from '@/lib/event-store/horizon';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { heldOpenAppend } from '@/lib/testing/held-open-append';
import { parseExportParams, type ExportParams } from './params';
import { exportFile } from './respond';

const db = testDb();
const store = createEventStore(db);
const system = createSystem(db);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 4 });
afterAll(() => pool.end());
const occurredAt = new Date('2026-01-05T09:00:00Z');

const lead = (tenantId: string): StreamRef => ({ tenantId, streamId: freshId('lead'), streamType: 'lead' });

/** The export's answer for the tenant, as its route gives it once the gate let the caller through. */
function exportOf(tenantId: string, horizonBudgetMs: number) {
  return async (after: string) => {
    const params = parseExportParams(new URLSearchParams({ format: 'csv', after }));
    const response = await exportFile(system, pool, { tenantId, callerId: 'bi' }, (params as { params: ExportParams }).params, { horizonBudgetMs, perCaller: 2, perTenant: 2 });
    if (response.status !== 200) return { status: response.status, response, rows: [], horizon: '' };
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    return { status: 200, response, rows, horizon: response.headers.get('x-export-horizon')! };
  };
}

describe('the export horizon', () => {
  it('waits for an append that took a lower position than a committed later one, so `after` never skips it', async () => {
    const tenantId = freshId('tenant');
    await store.append(lead(tenantId), [{ type: 'Before', data: {}, occurredAt }], { expectedVersion: 'no_stream' });
    const first = await exportOf(tenantId, 5000)('0');
    expect(first.rows.map((row) => row.type)).toEqual(['Before']);

    const slow = heldOpenAppend(lead(tenantId));
    await slow.inside; // the slow event has its position; its transaction is still open
    const fast = await store.append(lead(tenantId), [{ type: 'Fast', data: {}, occurredAt }], { expectedVersion: 'no_stream' });

    // With a short budget the export is refused rather than answered without the slow event.
    const refused = await exportOf(tenantId, 150)(first.horizon);
    expect(refused.status).toBe(503);
    expect(refused.response.headers.get('retry-after')).toBe('5');
    expect((await refused.response.json()).error).toMatchObject({ kind: 'busy', message: expect.stringMatching(/Try again/) });

    // With a longer one it waits until the slow transaction commits, then has both, in position order.
    const started = Date.now();
    const waiting = exportOf(tenantId, 5000)(first.horizon);
    setTimeout(() => slow.release(), 400);
    const next = await waiting;
    const slowResult = await slow.done;
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(slowResult.firstPosition).toBeLessThan(fast.firstPosition);
    expect(next.rows.map((row) => [row.type, row.position])).toEqual([
      ['Slow', slowResult.firstPosition.toString()],
      ['Fast', fast.firstPosition.toString()],
    ]);
    expect(BigInt(next.horizon)).toBeGreaterThanOrEqual(fast.firstPosition);
    expect((await exportOf(tenantId, 5000)(next.horizon)).rows).toEqual([]);
  });

  it('an append rolled back inside the horizon leaves a hole the export passes over', async () => {
    const tenantId = freshId('tenant');
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock_shared(747001::bigint)`;
        await tx.$executeRaw`INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
          VALUES (${tenantId}, 'x', 'lead', 1, 'Gone', 1, '{}', '{}', now())`;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await store.append(lead(tenantId), [{ type: 'Kept', data: {}, occurredAt }], { expectedVersion: 'no_stream' });
    expect((await exportOf(tenantId, 1000)('0')).rows.map((row) => row.type)).toEqual(['Kept']);
  });

  it('does not wait for appends that start after the horizon was read', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL! });
    await client.connect();
    try {
      const head = BigInt((await client.query('SELECT last_value::text AS v FROM events_position_seq')).rows[0].v);
      const horizon = await exportHorizon(client, { budgetMs: 1000 });
      expect(horizon).toBeGreaterThanOrEqual(head);
      const slow = heldOpenAppend(lead(freshId('tenant')));
      await slow.inside;
      // A new horizon sees the open append and waits for it; a zero budget is refused at once.
      await expect(exportHorizon(client, { budgetMs: 0 })).rejects.toBeInstanceOf(HorizonTimeoutError);
      slow.release();
      await slow.done;
      expect(await exportHorizon(client, { budgetMs: 1000 })).toBeGreaterThan(horizon);
    } finally {
      await client.end();
    }
  });
});
