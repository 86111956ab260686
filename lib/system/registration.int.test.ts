// Adding an aggregate is a folder plus one registration line: this one lives only in this test, and
// goes through the command handler, the store, readAll, an async projection and the export with no
// change to any of them.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAggregate } from '@/lib/commands/aggregate';
import { handleCommand } from '@/lib/commands/handle-command';
import { IllegalStateError } from '@/lib/errors';
import { defineEvents, START_OF_LOG } from '@/lib/event-store';
import { upsertRows } from '@/lib/read/engine/sql';
import { catchUp } from '@/lib/read/engine/run-batch';
import type { AsyncProjection } from '@/lib/read/engine/types';
import { exportColumns } from '@/lib/read/event-log/export/columns';
import { openExport, ownConnection } from '@/lib/read/event-log/export/stream';
import { freshId, testDb } from '@/lib/testing/database';
import { AGGREGATES } from './aggregates';
import { createSystem } from '.';
import { ASYNC_PROJECTIONS } from './projections';

// ---- The aggregate: a tally that is opened with a label and counted up --------------------------
const TALLY_EVENTS = {
  TallyOpened: z.strictObject({ label: z.string().min(1) }),
  TallyCounted: z.strictObject({ by: z.number().int().positive() }),
};
type TallyEvent = { type: 'TallyOpened'; data: { label: string } } | { type: 'TallyCounted'; data: { by: number } };
type TallyCommand = { type: 'Open'; label: string } | { type: 'Count'; by: number };
type Tally = { opened: boolean; total: number };

const tallyAggregate = defineAggregate<TallyCommand, TallyEvent, Tally>({
  streamType: 'tally',
  events: defineEvents(TALLY_EVENTS),
  decider: {
    initialState: () => ({ opened: false, total: 0 }),
    evolve: (state, event) => (event.type === 'TallyOpened' ? { ...state, opened: true } : { ...state, total: state.total + event.data.by }),
    decide: (command, state) => {
      if (command.type === 'Open') return [{ type: 'TallyOpened', data: { label: command.label } }];
      if (!state.opened) throw new IllegalStateError('tally.not-opened');
      return [{ type: 'TallyCounted', data: { by: command.by } }];
    },
  },
  conflictsWith: () => false,
  snapshots: { shape: 1 },
});

// ---- Its read model: one row per tally with its total ---------------------------------------------
const TALLY_TABLE = 'test_tally_totals';
const tallyTotals: AsyncProjection = {
  name: 'test-tally-totals',
  tables: [TALLY_TABLE],
  async apply(tx, events, tables) {
    const totals = new Map<string, { tenant_id: string; tally_id: string; total: number }>();
    for (const event of events.filter((e) => e.streamType === 'tally' && e.type === 'TallyCounted')) {
      const key = `${event.tenantId}/${event.streamId}`;
      const row = totals.get(key) ?? { tenant_id: event.tenantId, tally_id: event.streamId, total: await currentTotal(tx, tables[TALLY_TABLE]!, event.tenantId, event.streamId) };
      row.total += (event.data as { by: number }).by;
      totals.set(key, row);
    }
    await upsertRows(tx, tables[TALLY_TABLE]!, [['tenant_id', 'text'], ['tally_id', 'text'], ['total', 'int']], ['tenant_id', 'tally_id'], [...totals.values()]);
  },
};

async function currentTotal(tx: Parameters<AsyncProjection['apply']>[0], table: string, tenantId: string, tallyId: string): Promise<number> {
  if (table !== TALLY_TABLE) throw new Error(`unexpected table ${table}`);
  const rows = await tx.$queryRaw<{ total: number }[]>`SELECT total FROM test_tally_totals WHERE tenant_id = ${tenantId} AND tally_id = ${tallyId}`;
  return rows[0]?.total ?? 0;
}

// ---- The one registration line ---------------------------------------------------------------------
const db = testDb();
const system = createSystem(db, { aggregates: [...AGGREGATES, tallyAggregate], asyncProjections: [...ASYNC_PROJECTIONS, tallyTotals] });

beforeAll(async () => {
  await db.$executeRaw`CREATE TABLE IF NOT EXISTS test_tally_totals (tenant_id text NOT NULL, tally_id text NOT NULL, total int NOT NULL, PRIMARY KEY (tenant_id, tally_id))`;
});

async function tallyWithCounts(tenantId: string, counts: number[]) {
  const tallyId = randomUUID();
  const run = (command: TallyCommand) =>
    handleCommand(system.store, tallyAggregate, { tenantId, streamId: tallyId, command, commandId: randomUUID(), actor: 'ana', now: new Date('2026-12-01T10:00:00Z') });
  await run({ type: 'Open', label: 'Calls, "north" desk' });
  for (const by of counts) await run({ type: 'Count', by });
  return tallyId;
}

describe('an aggregate registered in one line', () => {
  it('is decided by its own rules and stored, with its events checked against their schemas', async () => {
    const tenantId = freshId('tenant');
    const tallyId = await tallyWithCounts(tenantId, [2, 3]);
    expect((await system.store.readStream(tenantId, tallyId)).map((e) => [e.type, e.data])).toEqual([
      ['TallyOpened', { label: 'Calls, "north" desk' }], ['TallyCounted', { by: 2 }], ['TallyCounted', { by: 3 }],
    ]);
    const notATally = system.store.append({ tenantId, streamId: tallyId, streamType: 'tally' }, [{ type: 'TallyCounted', data: { by: -1 }, occurredAt: new Date() }], { expectedVersion: 3 });
    await expect(notATally).rejects.toThrow(/TallyCounted does not match its schema/);
  });

  it('is refused by the app\u2019s own store, which does not register it', async () => {
    const appStore = createSystem(db).store;
    const refused = appStore.append({ tenantId: freshId('tenant'), streamId: randomUUID(), streamType: 'tally' }, [{ type: 'TallyOpened', data: { label: 'x' }, occurredAt: new Date() }], { expectedVersion: 'no_stream' });
    await expect(refused).rejects.toThrow(/TallyOpened is not registered/);
  });

  it('reaches readAll and its own projection, and the lead read models leave it alone', async () => {
    const tenantId = freshId('tenant');
    const tallyId = await tallyWithCounts(tenantId, [4, 1, 5]);
    const { events } = await system.store.readAll(START_OF_LOG, { tenantId });
    expect(events.map((event) => event.type)).toEqual(['TallyOpened', 'TallyCounted', 'TallyCounted', 'TallyCounted']);

    for (const projection of system.projections.async) await catchUp(system.store, projection);
    const totals = await db.$queryRaw<{ total: number }[]>`SELECT total FROM test_tally_totals WHERE tenant_id = ${tenantId} AND tally_id = ${tallyId}`;
    expect(totals).toEqual([{ total: 10 }]);
    expect(await db.leadView.count({ where: { tenantId } })).toBe(0);
    expect(await db.searchTerm.count({ where: { tenantId } })).toBe(0);
  });

  it('is exported, with a column for each of its fields, taken from its schemas', async () => {
    const tenantId = freshId('tenant');
    const tallyId = await tallyWithCounts(tenantId, [7]);
    const columns = exportColumns(system.registry);
    expect(columns.eventTypes).toEqual(expect.arrayContaining(['LeadRegistered', 'ImportStarted', 'TallyOpened', 'TallyCounted']));
    expect(columns.csvHeader).toEqual(expect.arrayContaining(['data.label', 'data.by']));

    const run = await openExport(await ownConnection(process.env.DATABASE_URL!), system.registry, tenantId, { format: 'csv', gzip: false, after: 0n });
    const text = await new Response(run.body).text();
    expect(parse(text, { to_line: 1 })[0]).toEqual(columns.csvHeader);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.stream_type, row.stream_id, row.type, row['data.label'], row['data.by']])).toEqual([
      ['tally', tallyId, 'TallyOpened', 'Calls, "north" desk', ''],
      ['tally', tallyId, 'TallyCounted', '', '7'],
    ]);
    // The app's own export has no such columns: they come with the registration.
    expect(exportColumns(createSystem(db).registry).csvHeader).not.toContain('data.label');
  });
});
