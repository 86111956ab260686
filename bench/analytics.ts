// Analytics page benchmark: the server time of the queries behind /analytics on the bench tenant
// (whatever size `npm run bench` left it at), with the default filters, one agent, and one source.
//   npm run bench:analytics -- [--runs 20]
// Runs with the react-server export condition so the page's own server-only modules load as they
// do in the app. Progress goes to stderr; stdout gets the tables and, last, one JSON line.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createDb } from '@/lib/db/client';
import { defaultFilters, windowOf, bucketOf, type AnalyticsFilters } from '@/lib/read/analytics/filters';
import { analyticsFilterOptions } from '@/lib/read/analytics/options';
import { loadAnalyticsReport, WAITING_LIMIT } from '@/lib/read/analytics/report';
import {
  callbackLateness, conversionsOverTime, leadsWaitingLongest, statusDurationStats, transitionCounts,
} from '@/lib/read/status-history/queries';
import { AGENTS, BENCH_NOW, BENCH_TENANT } from './generate/leads';
import { table } from './lib/report';
import { round, timeRuns } from './lib/stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, warmup: { type: 'string', default: '2' } } });
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:analytics`');
// The app's pool size: the page runs its queries concurrently on it.
const db = createDb(url);
const log = (line: string) => console.error(line);

async function time(task: () => Promise<unknown>) {
  const latency = await timeRuns(task, { warm: warmup, count: runs });
  return { p50: round(latency.p50), p95: round(latency.p95), mean: round(latency.mean) };
}

/** Each query the page runs, alone, so a slow one stands out. */
function queriesOf(filters: AnalyticsFilters) {
  const window = windowOf(filters);
  const who = { agent: filters.agent ?? undefined, source: filters.source ?? undefined };
  const now = BENCH_NOW;
  return {
    'filter options': () => analyticsFilterOptions(db, BENCH_TENANT),
    'time in status': () => statusDurationStats(db, BENCH_TENANT, { groupBy: 'status', ...window, ...who }),
    'transitions + funnel': () => transitionCounts(db, BENCH_TENANT, { ...window, ...who }),
    conversions: () => conversionsOverTime(db, BENCH_TENANT, { ...window, ...who, bucket: bucketOf(filters) }),
    callbacks: () => callbackLateness(db, BENCH_TENANT, { ...window, ...who, now }),
    'waiting longest': () => leadsWaitingLongest(db, BENCH_TENANT, { ...who, now, limit: WAITING_LIMIT }),
  };
}

try {
  const [counts] = await db.$queryRaw<{ leads: number; periods: number; callbacks: number }[]>`
    SELECT (SELECT count(*) FROM leads WHERE tenant_id = ${BENCH_TENANT})::int AS leads,
      (SELECT count(*) FROM status_periods WHERE tenant_id = ${BENCH_TENANT})::int AS periods,
      (SELECT count(*) FROM follow_ups WHERE tenant_id = ${BENCH_TENANT})::int AS callbacks`;
  if (!counts || counts.leads === 0 || counts.periods === 0) {
    throw new Error('No bench tenant with a status history: run `npm run bench -- --leads 20000 --small 5000` first');
  }
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version };
  console.log(`Analytics page server time on the bench tenant: ${counts.leads.toLocaleString('en')} leads, ${counts.periods.toLocaleString('en')} status periods, ${counts.callbacks.toLocaleString('en')} callbacks`);
  console.log(`Machine: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}; ${runs} timed runs after ${warmup} warm-up runs each\n`);

  // The bench histories end at BENCH_NOW: the page's default range (the last 90 days) taken from there.
  const defaults = defaultFilters(BENCH_NOW);
  const [source] = (await analyticsFilterOptions(db, BENCH_TENANT)).sources;
  const scenarios: Record<string, AnalyticsFilters> = {
    'default (90 days)': defaults,
    [`agent ${AGENTS[0]}`]: { ...defaults, agent: AGENTS[0]! },
    ...(source ? { [`source ${source}`]: { ...defaults, source } } : {}),
  };

  const pages: Record<string, Awaited<ReturnType<typeof time>>> = {};
  const queries: Record<string, Record<string, Awaited<ReturnType<typeof time>>>> = {};
  for (const [name, filters] of Object.entries(scenarios)) {
    log(`${name}: whole page ...`);
    pages[name] = await time(() => Promise.all([analyticsFilterOptions(db, BENCH_TENANT), loadAnalyticsReport(db, BENCH_TENANT, filters, { now: BENCH_NOW })]));
    queries[name] = {};
    for (const [query, task] of Object.entries(queriesOf(filters))) {
      log(`${name}: ${query} ...`);
      queries[name][query] = await time(task);
    }
  }

  console.log(table(`Whole page (all queries concurrently), ms; range ${defaults.from} to ${defaults.to}`, ['filters', 'p50', 'p95', 'mean'],
    Object.entries(pages).map(([name, t]) => [name, t.p50, t.p95, t.mean])));
  const names = Object.keys(queries);
  const queryNames = Object.keys(queries[names[0]!]!);
  console.log(table('Each query alone, p50 / p95 ms', ['query', ...names],
    queryNames.map((query) => [query, ...names.map((name) => `${queries[name]![query]!.p50} / ${queries[name]![query]!.p95}`)])));
  console.log(JSON.stringify({ bench: 'analytics', ...counts, machine, runs, range: { from: defaults.from, to: defaults.to }, pages, queries, at: new Date().toISOString() }));
} finally {
  await db.$disconnect();
}
