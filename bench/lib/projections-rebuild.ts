// Rebuilding every read model from the log, each next to a plain-SQL baseline that bulk-copies the
// same final rows (what postgres alone needs to write them), with the process's peak RSS sampled.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type pg from 'pg';
import type { EventStore } from '@/lib/event-store';
import { rebuildDoNotCall } from '@/lib/read/do-not-call/rebuild';
import { rebuildProjections } from '@/lib/read/engine/rebuild';
import { rebuildLeadTable } from '@/lib/read/lead-table/rebuild';
import { ASYNC_PROJECTIONS } from '@/lib/system/projections';

export type Baseline = { rows: number; seconds: number; rowsPerSec: number; eventsPerSec: number };
export type RebuildRun = {
  name: string;
  tables: string[];
  events: number;
  seconds: number;
  eventsPerSec: number;
  rssStartMb: number;
  peakRssMb: number;
  baseline: Baseline;
};

const MB = 1024 * 1024;

// A full GC before each rebuild, so its peak is not an earlier phase's uncollected garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Samples RSS every 100 ms until stopped; returns the peak (MB). */
function sampleRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) / MB;
  };
}

// Every read model: the inline ones rebuilt in place by stream, the async ones in one pass over the
// log into copies swapped in at the end.
const REBUILDS: { name: string; tables: string[]; run: (store: EventStore, onProgress: (events: number) => void) => Promise<{ events: number }> }[] = [
  {
    name: 'lead-table',
    tables: ['leads'],
    run: (store, onProgress) => rebuildLeadTable(store, { onProgress: ({ events }) => onProgress(events) }),
  },
  {
    name: 'do-not-call',
    tables: ['do_not_call'],
    run: (store, onProgress) => rebuildDoNotCall(store, { onProgress: ({ events }) => onProgress(events) }),
  },
  {
    name: ASYNC_PROJECTIONS.map((projection) => projection.name).join(' + '),
    tables: ASYNC_PROJECTIONS.flatMap((projection) => projection.tables),
    run: (store, onProgress) => rebuildProjections(store, ASYNC_PROJECTIONS, { onProgress: ({ events }) => onProgress(events) }),
  },
];

/**
 * Baseline: an empty copy with every index (LIKE ... INCLUDING ALL), then one INSERT ... SELECT of
 * the rebuilt rows, timed. Same rows, same indexes, no log to read and no folding.
 */
async function bulkCopy(pool: pg.Pool, tables: readonly string[], events: number): Promise<Baseline> {
  let rows = 0;
  let ms = 0;
  for (const table of tables) {
    const copy = `"${table}_baseline"`;
    await pool.query(`DROP TABLE IF EXISTS ${copy}`);
    await pool.query(`CREATE TABLE ${copy} (LIKE "${table}" INCLUDING ALL)`);
    const started = performance.now();
    const result = await pool.query(`INSERT INTO ${copy} SELECT * FROM "${table}"`);
    ms += performance.now() - started;
    rows += result.rowCount ?? 0;
    await pool.query(`DROP TABLE ${copy}`);
  }
  const seconds = ms / 1000;
  return { rows, seconds, rowsPerSec: rows / seconds, eventsPerSec: events / seconds };
}

export async function rebuildAll(store: EventStore, pool: pg.Pool, log: (line: string) => void): Promise<RebuildRun[]> {
  const runs: RebuildRun[] = [];
  for (const rebuild of REBUILDS) {
    gc();
    const rssStartMb = process.memoryUsage().rss / MB;
    const stopSampling = sampleRss();
    const started = performance.now();
    let lastLog = started;
    const { events } = await rebuild.run(store, (done) => {
      const now = performance.now();
      if (now - lastLog < 10_000) return;
      lastLog = now;
      log(`    ${rebuild.name}: ${done.toLocaleString('en')} events, ${Math.round(done / ((now - started) / 1000)).toLocaleString('en')} events/s`);
    });
    const seconds = (performance.now() - started) / 1000;
    const peakRssMb = stopSampling();
    log(`  ${rebuild.name}: ${events.toLocaleString('en')} events in ${seconds.toFixed(1)} s; baseline copy ...`);
    const baseline = await bulkCopy(pool, rebuild.tables, events);
    runs.push({ name: rebuild.name, tables: rebuild.tables, events, seconds, eventsPerSec: events / seconds, rssStartMb, peakRssMb, baseline });
  }
  // Planner statistics and visibility maps for the searches that follow (autovacuum would do the
  // same within a minute or two of a swap; the rebuild itself does not).
  for (const table of REBUILDS.flatMap((rebuild) => rebuild.tables)) await pool.query(`VACUUM (ANALYZE) "${table}"`);
  return runs;
}

/** The totals row: every rebuild's events over their summed time, likewise for the baselines. */
export function totalOf(runs: readonly RebuildRun[]): Omit<RebuildRun, 'tables'> {
  const sum = (pick: (run: RebuildRun) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const events = sum((run) => run.events);
  const seconds = sum((run) => run.seconds);
  const baselineSeconds = sum((run) => run.baseline.seconds);
  const rows = sum((run) => run.baseline.rows);
  return {
    name: 'total',
    events,
    seconds,
    eventsPerSec: events / seconds,
    rssStartMb: Math.min(...runs.map((run) => run.rssStartMb)),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    baseline: { rows, seconds: baselineSeconds, rowsPerSec: rows / baselineSeconds, eventsPerSec: events / baselineSeconds },
  };
}
