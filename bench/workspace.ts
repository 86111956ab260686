// Agent workspace benchmark: server time of the lead list page and of the search endpoint on the
// bench tenant (generate it with `npm run bench`), through the same functions the page and the
// route call: loadLeadList for /leads, and tenantRegion + searchLeads + actorNames for /api/search.
// Session checks and rendering are left out: they do not depend on the number of leads.
//   npm run bench:workspace [-- --samples 200]
// Progress goes to stderr; stdout gets a table and, last, one JSON line with every figure.
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { RawSearchParams } from '@/lib/read/lead-table/list-params';
import { db } from '@/lib/db';
import { searchLeads } from '@/lib/read/search-terms/search';
import { loadLeadList } from '@/lib/read/lead-table/leads-list';
import { actorNames } from '@/lib/read/organisation/users';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { countBenchLeads } from './generate/insert';
import { AGENTS, BENCH_TENANT, SEED } from './generate/leads';
import { QUERY_TYPES, sampleInputs } from './lib/projections-search';
import { round, timeRuns, type Latencies } from './lib/stats';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '200' } } });
const SAMPLES = Number(values.samples);
const WARM = 10;
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:workspace`');
const pool = new pg.Pool({ connectionString: url, max: 2 });
const log = (line: string) => console.error(line);

const TODAY = new Date().toISOString().slice(0, 10);
const WEEK_AGO = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);

/** The list views an agent opens most, each as its URL's query string. */
const LIST_VIEWS: Record<string, (i: number) => RawSearchParams> = {
  'default (updated, newest first)': () => ({}),
  'page n of 400 by name': (i) => ({ sort: 'name', page: String(1 + (i % 400)) }),
  'status Follow-up by follow-up date': () => ({ status: 'FollowUp', sort: 'followUp' }),
  'one agent\'s leads': (i) => ({ owner: AGENTS[i % AGENTS.length]! }),
  'follow-up overdue': () => ({ due: 'overdue' }),
  'updated in one week, 100 a page': () => ({ updatedFrom: WEEK_AGO, updatedTo: TODAY, size: '100' }),
};

const time = (task: () => Promise<unknown>, count: number): Promise<Latencies> => timeRuns(task, { warm: WARM, count });

/** The bench agents as users of the bench tenant (no password: nobody logs in), so the owner filter knows them. */
async function benchUsers(): Promise<void> {
  await pool.query(
    `INSERT INTO users (id, name, email, tenant_id, role)
     SELECT id, 'Bench ' || id, id || '@bench.example', $1, 'agent' FROM unnest($2::text[]) AS id
     ON CONFLICT (id) DO NOTHING`,
    [BENCH_TENANT, AGENTS],
  );
}

async function listPage(): Promise<Record<string, Latencies>> {
  await benchUsers();
  const viewer = { id: AGENTS[0]!, tenantId: BENCH_TENANT };
  const figures: Record<string, Latencies> = {};
  for (const [view, params] of Object.entries(LIST_VIEWS)) {
    log(`  list: ${view}`);
    let i = 0;
    figures[view] = await time(() => loadLeadList(db(), viewer, params(i++)), SAMPLES);
  }
  return figures;
}

/** What GET /api/search does after the session check, without the read-your-writes wait. */
async function searchEndpoint(text: string) {
  const region = await tenantRegion(db(), BENCH_TENANT);
  const search = await searchLeads(db(), BENCH_TENANT, text.slice(0, 200), { region, limit: 10 });
  await actorNames(db(), BENCH_TENANT);
  return search;
}

async function search(leads: number): Promise<Record<string, Latencies>> {
  const inputs = await sampleInputs(pool, leads, SEED + leads);
  const figures: Record<string, Latencies> = {};
  for (const type of QUERY_TYPES) {
    log(`  search: ${type}`);
    const texts = inputs.filter((input) => input.type === type).map((input) => input.text);
    let i = 0;
    figures[type] = await time(() => searchEndpoint(texts[i++ % texts.length]!), Math.min(SAMPLES, texts.length));
  }
  const all = inputs.map((input) => input.text);
  let i = 0;
  figures['all types'] = await time(() => searchEndpoint(all[i++ % all.length]!), Math.min(SAMPLES * 2, all.length));
  return figures;
}

function table(title: string, rows: Record<string, Latencies>) {
  console.log(`\n${title}\n${'view'.padEnd(40)}  p50 ms   p95 ms   p99 ms`);
  for (const [name, latency] of Object.entries(rows)) {
    console.log(`${name.padEnd(40)} ${[latency.p50, latency.p95, latency.p99].map((ms) => round(ms, 1).toString().padStart(7)).join('  ')}`);
  }
}

try {
  const leads = await countBenchLeads(pool);
  if (leads === 0) throw new Error('No bench tenant yet: run `npm run bench` first, which generates it.');
  log(`Workspace bench on ${leads.toLocaleString('en')} leads, ${os.cpus().length} cores`);
  const list = await listPage();
  const searches = await search(leads);
  console.log(`\nLeads: ${leads.toLocaleString('en')} · cores: ${os.cpus().length} · samples per view: ${SAMPLES}`);
  table('Lead list page (loadLeadList), server time', list);
  table('Search endpoint (region + searchLeads + user names), server time', searches);
  console.log(JSON.stringify({ leads, cores: os.cpus().length, samples: SAMPLES, list, search: searches }));
} finally {
  await pool.end();
  await db().$disconnect();
}
