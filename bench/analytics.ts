// Analytics page benchmark: the server time of the queries behind /analytics on the bench tenant
// (whatever size `npm run bench` left it at), read from the daily figures, next to the baseline that
// recomputes the same figures from every status period and callback (the status history queries
// the page ran before), in the same run on the same data. Filters: the default range, one agent, one
// source, an agent and a source, and a two-week range (counted per day).
//   npm run bench:analytics -- [--runs 20] [--warmup 2]
// First brings the daily figures up to the head of the log (a rebuild when they have never run, else
// catching up) and reports how long that took. Runs with the react-server export condition so the
// page's own server-only modules load as they do in the app. Progress goes to stderr; stdout gets the
// tables and, last, one JSON line.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createDb } from '@/lib/db/client';
import { defaultFilters, windowOf, bucketOf, type AnalyticsFilters } from '@/lib/read/analytics/filters';
import { analyticsFilterOptions } from '@/lib/read/analytics/options';
import { loadAnalyticsReport, WAITING_LIMIT } from '@/lib/read/analytics/report';
import { dailyFiguresProjection } from '@/lib/read/daily-figures/projection';
import { callbacksByAgent, conversionsPerBucket, durationsByStatus, statusChanges } from '@/lib/read/daily-figures/queries';
import {
  callbackLateness, conversionsOverTime, leadsWaitingLongest, statusDurationStats, transitionCounts, type AgentLateness,
} from '@/lib/read/status-history/queries';
import { createSystem } from '@/lib/system';
import { AGENTS, BENCH_NOW, BENCH_TENANT } from './generate/leads';
import { bringToHead } from './lib/bring-to-head';
import { table } from './lib/report';
import { round, timeRuns } from './lib/stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, warmup: { type: 'string', default: '2' } } });
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:analytics`');
// The app's pool size: the page runs its queries concurrently on it.
const db = createDb(url);
const { store } = createSystem(db);
const log = (line: string) => console.error(line);

type Timing = { p50: number; p95: number; mean: number };
async function time(task: () => Promise<unknown>): Promise<Timing> {
  const latency = await timeRuns(task, { warm: warmup, count: runs });
  return { p50: round(latency.p50), p95: round(latency.p95), mean: round(latency.mean) };
}

/** The whole page before: every figure recomputed from the status history's periods and callbacks. */
function baselinePage(filters: AnalyticsFilters) {
  const window = windowOf(filters);
  const who = { agent: filters.agent ?? undefined, source: filters.source ?? undefined };
  const now = BENCH_NOW;
  return Promise.all([
    analyticsFilterOptions(db, BENCH_TENANT),
    statusDurationStats(db, BENCH_TENANT, { groupBy: 'status', ...window, ...who }),
    transitionCounts(db, BENCH_TENANT, { ...window, ...who }),
    conversionsOverTime(db, BENCH_TENANT, { ...window, ...who, bucket: bucketOf(filters) }),
    callbackLateness(db, BENCH_TENANT, { ...window, ...who, now }),
    leadsWaitingLongest(db, BENCH_TENANT, { ...who, now, limit: WAITING_LIMIT }),
  ]);
}

/** Each query the page runs now, alone, so a slow one stands out. */
function queriesOf(filters: AnalyticsFilters) {
  const window = windowOf(filters);
  const who = { agent: filters.agent ?? undefined, source: filters.source ?? undefined };
  const now = BENCH_NOW;
  return {
    'filter options': () => analyticsFilterOptions(db, BENCH_TENANT),
    'time in status': () => durationsByStatus(db, BENCH_TENANT, { ...window, ...who }),
    'transitions + funnel': () => statusChanges(db, BENCH_TENANT, { ...window, ...who }),
    conversions: () => conversionsPerBucket(db, BENCH_TENANT, { ...window, ...who, bucket: bucketOf(filters) }),
    callbacks: () => callbacksByAgent(db, BENCH_TENANT, { ...window, ...who, now }),
    'waiting longest': () => leadsWaitingLongest(db, BENCH_TENANT, { ...who, now, limit: WAITING_LIMIT }),
  };
}

/** Whether the page's figures equal the recomputation's (percentiles to 1e-6 s; the estimated p90 lateness is left out). */
async function sameFigures(filters: AnalyticsFilters): Promise<boolean> {
  const [report, [, durations, transitions, conversions, callbacks]] = await Promise.all([
    loadAnalyticsReport(db, BENCH_TENANT, filters, { now: BENCH_NOW }),
    baselinePage(filters),
  ]);
  const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));
  const sameDurations = report.timeInStatus.length === durations.length && report.timeInStatus.every((row, i) => {
    const want = durations[i]!;
    return row.status === want.status && row.count === want.count
      && (['averageSeconds', 'medianSeconds', 'p90Seconds', 'p95Seconds'] as const).every((figure) => close(row[figure], Number(want[figure])));
  });
  // Averages are compared within a tolerance: rounding both to a few decimals can split two values one ulp apart.
  const counts = (rows: readonly AgentLateness[]) => rows.map(({ agent, due, onTime, late, missed }) => ({ agent, due, onTime, late, missed }));
  const sameCallbacks = JSON.stringify(counts(report.callbacks)) === JSON.stringify(counts(callbacks))
    && report.callbacks.every((row, i) => close(row.averageLatenessSeconds, callbacks[i]!.averageLatenessSeconds === null ? null : Number(callbacks[i]!.averageLatenessSeconds)));
  return sameDurations
    && JSON.stringify(report.transitions) === JSON.stringify(transitions)
    && JSON.stringify(report.conversions) === JSON.stringify(conversions)
    && sameCallbacks;
}

try {
  const [counts] = await db.$queryRaw<{ leads: number; periods: number; callbacks: number }[]>`
    SELECT (SELECT count(*) FROM leads WHERE tenant_id = ${BENCH_TENANT})::int AS leads,
      (SELECT count(*) FROM status_periods WHERE tenant_id = ${BENCH_TENANT})::int AS periods,
      (SELECT count(*) FROM follow_ups WHERE tenant_id = ${BENCH_TENANT})::int AS callbacks`;
  if (!counts || counts.leads === 0 || counts.periods === 0) {
    throw new Error('No bench tenant with a status history: run `npm run bench -- --leads 20000 --small 5000` first');
  }
  log('daily figures: bringing them to the head of the log ...');
  const projection = await bringToHead(db, store, dailyFiguresProjection, log);
  const [rows] = await db.$queryRaw<{ rows: number }[]>`
    SELECT ((SELECT count(*) FROM daily_status_changes WHERE tenant_id = ${BENCH_TENANT}) + (SELECT count(*) FROM daily_status_durations WHERE tenant_id = ${BENCH_TENANT})
      + (SELECT count(*) FROM daily_follow_up_funnel WHERE tenant_id = ${BENCH_TENANT}) + (SELECT count(*) FROM daily_callbacks WHERE tenant_id = ${BENCH_TENANT})
      + (SELECT count(*) FROM daily_callback_lateness WHERE tenant_id = ${BENCH_TENANT}))::int AS rows`;
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version };
  console.log(`Analytics page server time on the bench tenant: ${counts.leads.toLocaleString('en')} leads, ${counts.periods.toLocaleString('en')} status periods, ${counts.callbacks.toLocaleString('en')} callbacks`);
  console.log(`Daily figures: ${projection.how} over ${projection.events.toLocaleString('en')} events in ${projection.seconds} s (${projection.eventsPerSec.toLocaleString('en')} events/s); ${rows!.rows.toLocaleString('en')} daily rows for the tenant, all scopes`);
  console.log(`Machine: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}; ${runs} timed runs after ${warmup} warm-up runs each\n`);

  // The bench histories end at BENCH_NOW: the page's default range (the last 90 days) taken from there.
  const defaults = defaultFilters(BENCH_NOW);
  const [source] = (await analyticsFilterOptions(db, BENCH_TENANT)).sources;
  const agent = AGENTS[0]!;
  const scenarios: Record<string, AnalyticsFilters> = {
    'default (90 days)': defaults,
    [`agent ${agent}`]: { ...defaults, agent },
    ...(source ? { [`source ${source}`]: { ...defaults, source }, [`agent and source`]: { ...defaults, agent, source } } : {}),
    'two weeks, by day': { ...defaults, from: new Date(Date.parse(defaults.to) - 13 * 86_400_000).toISOString().slice(0, 10) },
  };

  const pages: Record<string, { baseline: Timing; daily: Timing; sameFigures: boolean }> = {};
  const queries: Record<string, Record<string, Timing>> = {};
  for (const [name, filters] of Object.entries(scenarios)) {
    log(`${name}: whole page from the daily figures ...`);
    const daily = await time(() => Promise.all([analyticsFilterOptions(db, BENCH_TENANT), loadAnalyticsReport(db, BENCH_TENANT, filters, { now: BENCH_NOW })]));
    log(`${name}: whole page recomputed (baseline) ...`);
    const baseline = await time(() => baselinePage(filters));
    pages[name] = { baseline, daily, sameFigures: await sameFigures(filters) };
    queries[name] = {};
    for (const [query, task] of Object.entries(queriesOf(filters))) {
      log(`${name}: ${query} ...`);
      queries[name][query] = await time(task);
    }
  }

  const ratio = (page: (typeof pages)[string]) => `${round(page.baseline.p95 / page.daily.p95, 1)}x`;
  console.log(table(`Whole page (all queries concurrently), ms: recomputed (baseline) vs daily figures`, ['filters', 'baseline p50', 'baseline p95', 'daily p50', 'daily p95', 'p95 faster', 'same figures'],
    Object.entries(pages).map(([name, page]) => [name, page.baseline.p50, page.baseline.p95, page.daily.p50, page.daily.p95, ratio(page), page.sameFigures ? 'yes' : 'NO'])));
  const names = Object.keys(queries);
  const queryNames = Object.keys(queries[names[0]!]!);
  console.log(table('Each query of the page alone (daily figures), p50 / p95 ms', ['query', ...names],
    queryNames.map((query) => [query, ...names.map((name) => `${queries[name]![query]!.p50} / ${queries[name]![query]!.p95}`)])));
  console.log(JSON.stringify({
    bench: 'analytics', ...counts, dailyRows: rows!.rows, projection, machine, runs, range: { from: defaults.from, to: defaults.to },
    scenarios, pages, queries, at: new Date().toISOString(),
  }));
} finally {
  await db.$disconnect();
}
