// Possible duplicates at the bench tenant's size: one lead's candidates (what its page shows) and the
// Duplicates page's first page, each next to a baseline read in the same run on the same data: the
// lead's own row (the lead page's first read) and the leads list's first page.
//   npm run bench:duplicates -- [--runs 200] [--pages 20] [--warmup 3]
// First brings the duplicate keys to the head of the log (a rebuild when they have never run, else
// catching up) and reports how long that took. Progress goes to stderr; stdout gets the tables and,
// last, one JSON line.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDb } from '@/lib/db/client';
import { duplicateKeysProjection } from '@/lib/read/duplicates/projection';
import { duplicateGroups, duplicatesOfLead } from '@/lib/read/duplicates/queries';
import { leadById } from '@/lib/read/lead-table/lead-by-id';
import { loadLeadList } from '@/lib/read/lead-table/leads-list';
import { createSystem } from '@/lib/system';
import { BENCH_NOW, BENCH_TENANT } from './generate/leads';
import { bringToHead } from './lib/bring-to-head';
import { table } from './lib/report';
import { round, summarise, timeRuns } from './lib/stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, pages: { type: 'string', default: '20' }, warmup: { type: 'string', default: '3' } } });
const [runs, pages, warmup] = [Number(values.runs), Number(values.pages), Number(values.warmup)];
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:duplicates`');
const db = createDb(url);
const { store } = createSystem(db);
const log = (line: string) => console.error(line);

/** Each lead of the sample timed once, after the warm-up leads: p50/p95 over leads, not over one lead's cached answer. */
async function overLeads(leadIds: readonly string[], task: (leadId: string) => Promise<unknown>) {
  for (const leadId of leadIds.slice(0, warmup)) await task(leadId);
  const samples: number[] = [];
  for (const leadId of leadIds) {
    const started = performance.now();
    await task(leadId);
    samples.push(performance.now() - started);
  }
  const { p50, p95, p99 } = summarise(samples);
  return { p50: round(p50), p95: round(p95), p99: round(p99) };
}

try {
  const [counts] = await db.$queryRaw<{ leads: number }[]>`SELECT count(*)::int AS leads FROM leads WHERE tenant_id = ${BENCH_TENANT}`;
  if (!counts || counts.leads === 0) throw new Error('No bench tenant: run `npm run bench -- --leads 20000 --small 5000` first');
  log('duplicate keys: bringing them to the head of the log ...');
  const projection = await bringToHead(db, store, duplicateKeysProjection, log);
  const [keys] = await db.$queryRaw<{ keys: number; shared: number }[]>`
    SELECT count(*)::int AS keys, count(*) FILTER (WHERE leads > 1)::int AS shared FROM duplicate_key_counts WHERE tenant_id = ${BENCH_TENANT}`;
  // Half the sample holds a key another lead holds too (their candidates are non-empty), half is drawn at random.
  const sharing = await db.$queryRaw<{ lead_id: string }[]>`
    SELECT d.lead_id FROM duplicate_key_counts c JOIN duplicate_keys d ON d.tenant_id = c.tenant_id AND d.key = c.key
    WHERE c.tenant_id = ${BENCH_TENANT} AND c.leads > 1 AND c.leads <= 50 LIMIT ${Math.ceil(runs / 2)}`;
  const random = await db.$queryRaw<{ lead_id: string }[]>`
    SELECT lead_id FROM leads TABLESAMPLE SYSTEM (1) WHERE tenant_id = ${BENCH_TENANT} LIMIT ${Math.floor(runs / 2)}`;
  const sample = [...sharing, ...random].map((row) => row.lead_id);
  const found = await Promise.all(sharing.slice(0, 50).map((row) => duplicatesOfLead(db, BENCH_TENANT, row.lead_id)));

  log(`one lead: ${sample.length} leads, their own row (baseline) ...`);
  const leadRow = await overLeads(sample, (leadId) => leadById(db, BENCH_TENANT, leadId));
  log('one lead: possible duplicates ...');
  const candidates = await overLeads(sample, (leadId) => duplicatesOfLead(db, BENCH_TENANT, leadId));
  log('Duplicates page: the leads list’s first page (baseline) ...');
  const viewer = { id: 'bench-manager', tenantId: BENCH_TENANT };
  const list = await timeRuns(() => loadLeadList(db, viewer, {}, BENCH_NOW), { warm: warmup, count: pages });
  log('Duplicates page: first page of groups ...');
  const firstPage = await duplicateGroups(db, BENCH_TENANT);
  const groups = await timeRuns(() => duplicateGroups(db, BENCH_TENANT), { warm: warmup, count: pages });

  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version };
  console.log(`Possible duplicates on the bench tenant: ${counts.leads.toLocaleString('en')} leads, ${keys!.keys.toLocaleString('en')} keys, ${keys!.shared.toLocaleString('en')} held by more than one lead`);
  console.log(`Duplicate keys: ${projection.how} over ${projection.events.toLocaleString('en')} events in ${projection.seconds} s (${projection.eventsPerSec.toLocaleString('en')} events/s)`);
  console.log(`Groups: ${firstPage.total.toLocaleString('en')}${firstPage.truncated ? ' (from the first pairs only)' : ''}; candidates per sharing lead: ${round(found.reduce((sum, list) => sum + list.length, 0) / Math.max(1, found.length), 2)}`);
  console.log(`Machine: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}\n`);
  const ms = (timing: { p50: number; p95: number }) => [round(timing.p50), round(timing.p95)];
  console.log(table('Latency, ms (each next to its baseline from this run)', ['read', 'p50', 'p95', 'baseline', 'baseline p50', 'baseline p95'], [
    ['one lead’s possible duplicates', ...ms(candidates), 'the lead’s own row', ...ms(leadRow)],
    ['Duplicates page, first 25 groups', ...ms(groups), 'leads list, first page', ...ms(list)],
  ]));
  console.log(JSON.stringify({
    bench: 'duplicates', leads: counts.leads, keys, projection, groups: firstPage.total, truncated: firstPage.truncated, machine,
    lead: { sample: sample.length, candidates, baseline: leadRow }, page: { runs: pages, groups: { p50: round(groups.p50), p95: round(groups.p95) }, baseline: { p50: round(list.p50), p95: round(list.p95) } },
    at: new Date().toISOString(),
  }));
} finally {
  await db.$disconnect();
}
