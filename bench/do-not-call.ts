// Do-not-call list benchmark: the look-ups every lead page, lead list and "next lead" make, and the
// Do-not-call page's queries, on a list of a million numbers; and a manager's block through the
// command handler (append + inline read model) next to it.
//   npm run bench:dnc [-- --numbers 1000000 --samples 200 --blocks 300]
// The list's rows are written straight into the read model's table (a million commands would take
// the better part of an hour and measure the handler, not the queries); the blocks go through the
// handler. Progress goes to stderr; stdout gets a table and, last, one JSON line with every figure.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { changeNumber } from '@/lib/commands/do-not-call-service';
import { db } from '@/lib/db';
import { doNotCallCounts, doNotCallList, blockedNumbers } from '@/lib/read/do-not-call/queries';
import { parseSearchQuery } from '@/lib/read/search-terms/query';
import { createSystem } from '@/lib/system';
import { round, timeRuns, type Latencies } from './lib/stats';

const { values } = parseArgs({ options: { numbers: { type: 'string', default: '1000000' }, samples: { type: 'string', default: '200' }, blocks: { type: 'string', default: '300' } } });
const NUMBERS = Number(values.numbers);
const SAMPLES = Number(values.samples);
const BLOCKS = Number(values.blocks);
const TENANT = 'bench-dnc';
const WARM = 10;
const log = (line: string) => console.error(line);
const database = db();

/** The i-th listed number: +44 7910 000000 onwards. */
const listed = (i: number) => `+447910${String(i).padStart(6, '0')}`;
const random = (below: number) => Math.floor(Math.random() * below);

const time = (task: () => Promise<unknown>, count = SAMPLES): Promise<Latencies> => timeRuns(task, { warm: WARM, count });

async function fillList(): Promise<void> {
  const [{ rows }] = await database.$queryRaw<[{ rows: number }]>`SELECT count(*)::int AS rows FROM do_not_call WHERE tenant_id = ${TENANT}`;
  if (rows >= NUMBERS) return log(`${rows.toLocaleString('en-GB')} numbers already listed for ${TENANT}`);
  log(`listing ${NUMBERS.toLocaleString('en-GB')} numbers for ${TENANT}…`);
  const started = performance.now();
  for (let from = rows; from < NUMBERS; from += 100_000) {
    const to = Math.min(NUMBERS, from + 100_000) - 1;
    // One in ten was unblocked since; sources and dates spread as a real list's would be.
    await database.$executeRaw`
      INSERT INTO do_not_call (tenant_id, phone, reason, source, blocked_by, blocked_at, active, version)
      SELECT ${TENANT}, '+447910' || lpad(i::text, 6, '0'), 'Bench reason ' || (i % 50),
             (ARRAY['manual', 'call', 'api', 'import:00000000-0000-8000-8000-000000000000'])[1 + i % 4],
             'bench-manager', now() - (i || ' seconds')::interval, i % 10 <> 0, CASE WHEN i % 10 = 0 THEN 2 ELSE 1 END
      FROM generate_series(${from}::int, ${to}::int) AS i
      ON CONFLICT DO NOTHING`;
    log(`  ${(to + 1).toLocaleString('en-GB')}`);
  }
  await database.$executeRaw`ANALYZE do_not_call`;
  log(`listed in ${round((performance.now() - started) / 1000)} s`);
}

const fragments = (typed: string) => {
  const query = parseSearchQuery(typed, 'GB');
  return query.kind === 'phone' ? query.fragments : [];
};

async function main() {
  await fillList();
  const { store } = createSystem(database);
  const figures: Record<string, Latencies> = {
    'blockedNumbers, a lead\u2019s 3 phones': await time(() => blockedNumbers(database, TENANT, [listed(random(NUMBERS)), listed(random(NUMBERS)), '+447911123456'])),
    'blockedNumbers, a list page\u2019s 100 phones': await time(() => blockedNumbers(database, TENANT, Array.from({ length: 100 }, () => listed(random(NUMBERS * 2))))),
    'list, first page': await time(() => doNotCallList(database, TENANT)),
    'list, page 200 (the deepest)': await time(() => doNotCallList(database, TENANT, { page: 200 })),
    'search "07910 12" (many matches)': await time(() => doNotCallList(database, TENANT, { fragments: fragments('07910 12') })),
    'search a whole number (by its key)': await time(() => doNotCallList(database, TENANT, { numbers: [listed(random(NUMBERS))] })),
    'search "99999" (few matches)': await time(() => doNotCallList(database, TENANT, { fragments: fragments('99999') })),
    counts: await time(() => doNotCallCounts(database, TENANT), Math.min(SAMPLES, 50)),
  };
  // A manager's blocks, each a command: load the number's stream, decide, append with the inline row.
  const appendsTenant = `${TENANT}-blocks-${Date.now()}`;
  let next = 0;
  figures[`block a number through the command handler (${BLOCKS})`] = await time(
    () => changeNumber(store, { tenantId: appendsTenant, id: 'bench-manager' }, 'block', { phone: `07911 1${String(next++).padStart(5, '0')}`, reason: 'Bench' }),
    BLOCKS,
  );

  const rows = Object.entries(figures).map(([what, l]) => `${what.padEnd(52)} ${[l.p50, l.p95, l.p99].map((ms) => `${round(ms)} ms`.padStart(10)).join('')}`);
  console.log(`Do-not-call list of ${NUMBERS.toLocaleString('en-GB')} numbers (90% blocked), ${SAMPLES} samples each`);
  console.log(`${'query'.padEnd(52)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'p99'.padStart(10)}`);
  for (const row of rows) console.log(row);
  console.log(JSON.stringify({ numbers: NUMBERS, samples: SAMPLES, figures }));
  await database.$disconnect();
}

main().catch(async (error) => {
  console.error(error);
  await database.$disconnect();
  process.exit(1);
});
