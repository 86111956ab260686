// Projections benchmark: a deterministic bench tenant of N leads (generated through the real parser
// and decider, bulk-inserted), rebuilds of every read model against a plain-SQL copy, search latency
// and async projection lag, at --small leads and at --leads.
//   npm run bench -- [--leads 1000000] [--small 100000] [--fresh] [--rebuilds-only]
// --fresh deletes the bench tenant first, so the --small figures are measured again.
// --rebuilds-only measures the rebuilds against their baseline and skips the searches and the lag.
// DATABASE_URL points at the migrated `leadstream_bench` database; the data stays between runs.
// Progress goes to stderr; stdout gets the tables and, last, one JSON line with every figure.
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createSystem } from '@/lib/system';
import { createDb } from '@/lib/db/client';
import { countBenchLeads, growBenchTenant, resetBenchTenant } from './generate/insert';
import { BENCH_TENANT, SEED } from './generate/leads';
import { measureLag } from './lib/projections-lag';
import { rebuildAll, totalOf } from './lib/projections-rebuild';
import { printReport, type Phase, SEARCH_TARGET_MS } from './lib/projections-report';
import { explainSearch, runSearches, sampleInputs } from './lib/projections-search';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '1000000' }, small: { type: 'string', default: '100000' }, fresh: { type: 'boolean', default: false },
    'rebuilds-only': { type: 'boolean', default: false },
  },
});
const leads = Number(values.leads);
const small = Math.min(Number(values.small), leads);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench`');
const pool = new pg.Pool({ connectionString: url, max: 10 });
const db = createDb(url, { poolSize: 20, statementTimeoutMs: 0 }); // the lag run has commands, waits and the projector in flight at once
const store = createSystem(db).store;
const log = (line: string) => console.error(line);
const SMALL_FILE = '.data/bench/projections-small.json';
const benchStarted = performance.now();

async function eventCounts() {
  const { rows } = await pool.query<{ bench: number; other: number }>(
    'SELECT count(*) FILTER (WHERE tenant_id = $1)::int AS bench, count(*) FILTER (WHERE tenant_id <> $1)::int AS other FROM events',
    [BENCH_TENANT],
  );
  return rows[0]!;
}

async function runPhase(label: Phase['label'], target: number): Promise<Phase> {
  log(`== ${label} phase: ${target.toLocaleString('en')} leads ==`);
  const generation = await growBenchTenant(pool, target, log);
  let vacuumSeconds = 0;
  if (generation) {
    // Hint bits, visibility map and statistics now, not on the first rebuild's reads.
    const started = performance.now();
    for (const table of ['events', 'streams']) await pool.query(`VACUUM (ANALYZE) ${table}`);
    await pool.query('CHECKPOINT');
    vacuumSeconds = (performance.now() - started) / 1000;
  }
  const benchLeads = await countBenchLeads(pool);
  const events = await eventCounts();
  log('  rebuilds ...');
  const rebuilds = await rebuildAll(store, pool, log);
  if (values['rebuilds-only']) return { label, target, benchLeads, events, generation, vacuumSeconds, rebuilds, total: totalOf(rebuilds), searches: [], explains: {}, at: new Date().toISOString() };
  log('  searches ...');
  const searches = await runSearches(db, await sampleInputs(pool, benchLeads, SEED + target), log);
  const explains: Record<string, string> = {};
  for (const search of searches.filter((s) => s.latency.p95 >= SEARCH_TARGET_MS)) {
    explains[search.type] = await explainSearch(url!, pool, search.slowest.text, `explain-search-${search.type}-${benchLeads}.txt`);
  }
  return { label, target, benchLeads, events, generation, vacuumSeconds, rebuilds, total: totalOf(rebuilds), searches, explains, at: new Date().toISOString() };
}

try {
  const { rows } = await pool.query<{ server_version: string; size: string }>('SELECT current_setting($1) AS server_version, pg_size_pretty(pg_database_size(current_database())) AS size', ['server_version']);
  const disk = fs.statfsSync('/work');
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0]!.server_version,
    diskFreeGb: Math.round((disk.bavail * disk.bsize) / 2 ** 30),
    databaseSizeBefore: rows[0]!.size,
  };
  if (values.fresh) {
    log('Deleting the bench tenant (--fresh) ...');
    await resetBenchTenant(pool);
  }
  const phases: Phase[] = [];
  const had = await countBenchLeads(pool);
  if (small < leads) {
    if (had <= small) {
      phases.push(await runPhase('small', small));
      fs.mkdirSync('.data/bench', { recursive: true });
      fs.writeFileSync(SMALL_FILE, JSON.stringify(phases[0], (_, v) => (typeof v === 'bigint' ? String(v) : v)));
    } else {
      // The log already holds more than --small leads: it cannot shrink back, so show the figures
      // measured when it last grew through this size (marked as such), if there are any.
      const stored = fs.existsSync(SMALL_FILE) ? (JSON.parse(fs.readFileSync(SMALL_FILE, 'utf8')) as Phase) : null;
      if (stored && stored.target === small) phases.push({ ...stored, reused: true });
      else log(`  small phase skipped: the bench tenant already has ${had.toLocaleString('en')} leads`);
    }
  }
  phases.push(await runPhase('full', leads));
  const lag = values['rebuilds-only'] ? null : (log('== lag =='), await measureLag(store, db, url, phases.at(-1)!.benchLeads, SEED, log));
  printReport({ machine, phases, lag, small, leads, wallSeconds: (performance.now() - benchStarted) / 1000 });
} finally {
  await db.$disconnect();
  await pool.end();
}
