// Erasure benchmark: what sealing personal data costs. Two fresh tenants of N leads each, written
// through the same store, one with the personal-data guard (sealed) and one without (plain): append
// throughput, load latency, reading the log back and a read model's rebuild, side by side.
//   npm run bench:erasure -- [--leads 20000]
// DATABASE_URL points at the migrated `leadstream_bench` database. Progress goes to stderr; stdout
// gets the table and, last, one JSON line with every figure.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDb } from '@/lib/db/client';
import { createEventStore, START_OF_LOG, type EventStore, type NewEvent } from '@/lib/event-store';
import { leadAggregate } from '@/lib/leads';
import { loadAggregate } from '@/lib/commands/aggregate';
import { rebuildProjection } from '@/lib/read/engine/rebuild';
import { searchTermsProjection } from '@/lib/read/search-terms/projection';
import { createSystem } from '@/lib/system';
import { table } from './lib/report';
import { round, summarise } from './lib/stats';

const { values } = parseArgs({ options: { leads: { type: 'string', default: '20000' } } });
const leads = Number(values.leads);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:erasure`');
const db = createDb(url, { poolSize: 10, statementTimeoutMs: 0 });
const system = createSystem(db);
const plain = createEventStore(db, { registry: system.registry, inlineProjections: system.projections.inline });
const log = (line: string) => console.error(line);
const BATCH = 500;
const LOADS = 1000;

function leadEvents(i: number, leadId: string): NewEvent[] {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 1000);
  const number = String(1_000_000 + i).slice(1);
  const metadata = { actor: 'bench' };
  return [
    { type: 'LeadRegistered', occurredAt: at, metadata, data: {
      leadId, name: `Bench Person ${i}`, phones: [{ e164: `+44770${number}`, raw: `0770 ${number}` }], emails: [`person.${i}@bench.example`], source: 'bench', ownerId: null,
    } },
    { type: 'NoteAdded', occurredAt: at, metadata, data: { noteId: randomUUID(), text: `Asked for a call back about offer ${i}` } },
    { type: 'StatusChanged', occurredAt: at, metadata, data: { from: 'Available', to: 'Closed' } },
  ];
}

async function measure(label: string, store: EventStore) {
  const tenantId = `bench-erasure-${label}-${randomUUID().slice(0, 8)}`;
  const ids = Array.from({ length: leads }, () => randomUUID());
  log(`${label}: appending ${leads.toLocaleString('en')} leads to ${tenantId}`);
  let started = performance.now();
  for (let first = 0; first < leads; first += BATCH) {
    await store.appendStreams(ids.slice(first, first + BATCH).map((leadId, n) => ({
      stream: { tenantId, streamId: leadId, streamType: leadAggregate.streamType }, events: leadEvents(first + n, leadId), expectedVersion: 'no_stream' as const,
    })));
  }
  const appendSeconds = (performance.now() - started) / 1000;

  log(`${label}: ${LOADS} loads`);
  const samples: number[] = [];
  for (let n = 0; n < LOADS; n++) {
    const leadId = ids[(n * 7919) % leads]!;
    const one = performance.now();
    await loadAggregate(store, leadAggregate, tenantId, leadId, { fromSnapshot: false });
    samples.push(performance.now() - one);
  }

  log(`${label}: reading the log back`);
  started = performance.now();
  let read = 0;
  for (let at = START_OF_LOG; ;) {
    const page = await store.readAll(at, { tenantId, limit: 5000 });
    if (page.events.length === 0) break;
    read += page.events.length;
    at = page.checkpoint;
  }
  const readSeconds = (performance.now() - started) / 1000;

  log(`${label}: rebuilding the search terms`);
  started = performance.now();
  await rebuildProjection(store, searchTermsProjection, { tenantId });
  const rebuildSeconds = (performance.now() - started) / 1000;
  await db.$executeRawUnsafe('DROP TABLE IF EXISTS search_terms__rebuild, search_merges__rebuild');
  const loads = summarise(samples);
  return {
    label, events: read,
    appendEventsPerSecond: Math.round(read / appendSeconds),
    loadP50Ms: round(loads.p50), loadP95Ms: round(loads.p95),
    readEventsPerSecond: Math.round(read / readSeconds),
    rebuildEventsPerSecond: Math.round(read / rebuildSeconds),
  };
}

const results = [await measure('plain', plain), await measure('sealed', system.store)];
const [without, sealed] = results as [Awaited<ReturnType<typeof measure>>, Awaited<ReturnType<typeof measure>>];
const cost = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(0)}%`;
console.log(table(`Sealing personal data: ${leads.toLocaleString('en')} leads, ${sealed.events.toLocaleString('en')} events a tenant`,
  ['', 'append events/s', 'load p50 ms', 'load p95 ms', 'read events/s', 'search rebuild events/s'],
  [
    ...results.map((r) => [r.label, r.appendEventsPerSecond, r.loadP50Ms, r.loadP95Ms, r.readEventsPerSecond, r.rebuildEventsPerSecond]),
    ['change', cost(without.appendEventsPerSecond, sealed.appendEventsPerSecond), cost(without.loadP50Ms, sealed.loadP50Ms),
      cost(without.loadP95Ms, sealed.loadP95Ms), cost(without.readEventsPerSecond, sealed.readEventsPerSecond), cost(without.rebuildEventsPerSecond, sealed.rebuildEventsPerSecond)],
  ]));
console.log(JSON.stringify({ bench: 'erasure', leads, results }));
await db.$disconnect();
