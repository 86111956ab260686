// Event store benchmark: append throughput through the lead command handler against a raw-pg
// baseline, and stream load latency with ~1M events in the table.
//   npm run bench:store     (DATABASE_URL points at the migrated `leadstream_bench` database)
// Progress goes to stderr; stdout gets the tables and, last, one JSON line with every figure.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createSystem } from '@/lib/system';
import { createDb } from '@/lib/db/client';
import { loadAggregate } from '@/lib/commands/aggregate';
import { leadAggregate } from '@/lib/leads';
import { planWorkload, runBaseline, runHandler, type AppendRun } from './lib/appends';
import {
  countEvents, ensureMeasuredStreams, ensureSnapshots, loadTenant, measuredStreamIds,
  SNAPSHOT_TAIL, STREAM_SIZES, STREAMS_PER_SIZE, topUpEvents,
} from './lib/dataset';
import { table } from './lib/report';
import { round, runPool, summarise, type Latencies } from './lib/stats';

const COMMANDS = 2000; // per append run
const LEADS = 200; // streams per append run: each grows to COMMANDS / LEADS = 10 events
const CONCURRENCY = [1, 8];
const LOADS_PER_SIZE = 200;
const POOL_SIZE = 10; // same for the Prisma client and the pg pool, so neither is starved

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:store`');
const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
const db = createDb(url, { poolSize: POOL_SIZE, statementTimeoutMs: 0 });
const store = createSystem(db).store;
const log = (line: string) => console.error(line);
const seconds = (since: number) => round((performance.now() - since) / 1000, 1);
const cpuCells = (run: AppendRun) => [round(run.cpuPerCommand.nodeMs), round(run.cpuPerCommand.postgresMs)];

type LoadRow = { size: number; mode: 'replay' | 'snapshot'; loads: number; latency: Latencies; snapshotVersion: number };

try {
  // ---- Machine -------------------------------------------------------------------------------
  const { rows: versionRows } = await pool.query<{ server_version: string }>('SHOW server_version');
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, postgres: versionRows[0]!.server_version };

  // ---- Dataset: measured streams, then filler up to ~1M events (reused between runs) -------
  let started = performance.now();
  log('Preparing the dataset ...');
  const createdStreams = await ensureMeasuredStreams(pool);
  const filled = await topUpEvents(pool, log);
  // Fresh planner statistics after bulk loading; the VACUUM also keeps autovacuum from waking up on
  // the new rows in the middle of the timed appends (cheap on re-runs: clean pages are skipped).
  await pool.query('VACUUM (ANALYZE) events');
  await pool.query('VACUUM (ANALYZE) streams');
  await pool.query('CHECKPOINT'); // flush the load's dirty pages now, not during the timed part
  await ensureSnapshots(store);
  const dataset = { createdStreams, filledEvents: filled, prepareSeconds: seconds(started) };
  log(`  dataset ready in ${dataset.prepareSeconds}s (${filled.toLocaleString('en')} filler events added)`);

  // ---- Appends: handler vs raw pg, same rows, same concurrency ------------------------------
  // A fresh tenant per run keeps this run's streams apart from earlier runs'.
  const appendTenant = `bench-append-${randomUUID()}`;
  const appends: { concurrency: number; handler: AppendRun; baseline: AppendRun; ratio: number }[] = [];
  for (const concurrency of CONCURRENCY) {
    started = performance.now();
    log(`Appends at concurrency ${concurrency} ...`);
    // Warm both paths first (JIT, connections, Prisma's first queries), untimed.
    await runBaseline(pool, appendTenant, planWorkload(80, 8), concurrency);
    await runHandler(store, appendTenant, planWorkload(80, 8), concurrency);
    const baseline = await runBaseline(pool, appendTenant, planWorkload(COMMANDS, LEADS), concurrency);
    const handler = await runHandler(store, appendTenant, planWorkload(COMMANDS, LEADS), concurrency);
    appends.push({ concurrency, handler, baseline, ratio: handler.perSec / baseline.perSec });
    log(`  done in ${seconds(started)}s`);
  }

  // ---- Stream loads --------------------------------------------------------------------------
  const loads: LoadRow[] = [];
  for (const size of STREAM_SIZES) {
    started = performance.now();
    log(`Loads of ${size}-event streams ...`);
    const ids = measuredStreamIds(size);
    const expectedSnapshot = size >= 100 ? size - SNAPSHOT_TAIL : 0;
    for (const mode of ['replay', 'snapshot'] as const) {
      const useSnapshot = mode === 'snapshot';
      // Untimed pass over every stream: warms caches and proves each one folds to a valid lead.
      for (const id of ids) {
        const loaded = await loadAggregate(store, leadAggregate, loadTenant, id, { fromSnapshot: useSnapshot });
        const wantSnapshot = useSnapshot ? expectedSnapshot : 0;
        if (loaded.version !== size || loaded.state.kind !== 'registered' || loaded.state.leadId !== id || loaded.snapshotVersion !== wantSnapshot) {
          throw new Error(`Stream ${id} loaded as version ${loaded.version} (snapshot ${loaded.snapshotVersion}), ${loaded.state.kind}`);
        }
      }
      const order = Array.from({ length: LOADS_PER_SIZE }, (_, i) => ids[i % ids.length]!);
      const run = await runPool(order, 1, (id) => loadAggregate(store, leadAggregate, loadTenant, id, { fromSnapshot: useSnapshot }));
      loads.push({ size, mode, loads: LOADS_PER_SIZE, latency: summarise(run.latenciesMs), snapshotVersion: useSnapshot ? expectedSnapshot : 0 });
    }
    log(`  done in ${seconds(started)}s`);
  }
  const eventsInTable = await countEvents(pool);

  // ---- Report --------------------------------------------------------------------------------
  console.log(
    table('Machine', ['cpus', 'cpu model', 'node', 'postgres', 'events in table'], [
      [machine.cpus, machine.cpuModel, machine.node, machine.postgres, eventsInTable],
    ]),
  );
  console.log(
    table(
      `Appends: ${COMMANDS} commands per run (${LEADS} RegisterLead, then ChangeName/AddNote round-robin; 1 event each)\n` +
        'baseline = raw pg, per event: BEGIN; upsert streams row (version+1); INSERT event; COMMIT\n' +
        'CPU ms = CPU time per command, of this process and of the PostgreSQL server: steadier than rates on a shared machine',
      ['concurrency', 'path', 'wall s', 'appends/s', 'p50 ms', 'p95 ms', 'p99 ms', 'handler/baseline', 'CPU ms node', 'CPU ms postgres'],
      appends.flatMap(({ concurrency, handler, baseline, ratio }) => [
        [concurrency, 'baseline (pg)', round(baseline.wallMs / 1000), round(baseline.perSec, 0), round(baseline.latency.p50), round(baseline.latency.p95), round(baseline.latency.p99), '', ...cpuCells(baseline)],
        [concurrency, 'executeLeadCommand', round(handler.wallMs / 1000), round(handler.perSec, 0), round(handler.latency.p50), round(handler.latency.p95), round(handler.latency.p99), round(ratio, 3).toString(), ...cpuCells(handler)],
      ]),
    ),
  );
  console.log(
    table(
      `Stream loads: store.loadState, ${LOADS_PER_SIZE} sequential loads per row over ${STREAMS_PER_SIZE} streams, warm cache\n` +
        `snapshot = fromSnapshot: true with a snapshot ${SNAPSHOT_TAIL} events behind the head (none for 10-event streams)`,
      ['events', 'mode', 'snapshot at', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms'],
      loads.map((row) => [row.size, row.mode, row.snapshotVersion, round(row.latency.p50), round(row.latency.p95), round(row.latency.p99), round(row.latency.mean)]),
    ),
  );

  const roundLatency = (l: Latencies) => ({ p50Ms: round(l.p50, 3), p95Ms: round(l.p95, 3), p99Ms: round(l.p99, 3), meanMs: round(l.mean, 3) });
  const appendJson = (run: AppendRun) => ({
    commands: run.commands, wallMs: round(run.wallMs, 1), perSec: round(run.perSec, 1), ...roundLatency(run.latency),
    cpuMsPerCommand: { node: round(run.cpuPerCommand.nodeMs, 3), postgres: round(run.cpuPerCommand.postgresMs, 3) },
  });
  console.log(
    JSON.stringify({
      bench: 'store',
      at: new Date().toISOString(),
      machine: { ...machine, eventsInTable },
      dataset,
      appends: appends.map((a) => ({ concurrency: a.concurrency, handler: appendJson(a.handler), baseline: appendJson(a.baseline), ratio: round(a.ratio, 4) })),
      loads: loads.map((row) => ({ events: row.size, mode: row.mode, snapshotVersion: row.snapshotVersion, loads: row.loads, ...roundLatency(row.latency) })),
    }),
  );
} finally {
  await db.$disconnect();
  await pool.end();
}
