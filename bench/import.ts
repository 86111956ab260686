// Lead import benchmark: rows per second into the log, stored in bulk (a few hundred rows per
// statement, each row decided by RegisterLead's own code), next to the same import stored one
// command per row (the path every other kind of import takes), measured in the same run on a
// fresh tenant of the bench database.
//   npm run bench:import     (BENCH_IMPORT_ROWS=1000000 for a whole purchased database)
// Progress goes to stderr; stdout gets the table and, last, one JSON line with every figure.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createDb } from '@/lib/db/client';
import type { AnyImportKind } from '@/lib/imports/import-kind';
import { leadImports } from '@/lib/imports/lead-import';
import type { MappedRecord } from '@/lib/imports/mapping';
import { importProgress, startImport } from '@/lib/imports/run-import';
import { createSystem } from '@/lib/system';
import { table } from './lib/report';
import { round } from './lib/stats';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BASELINE_ROWS = Math.min(ROWS, 3_000);

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:import`');
const system = createSystem(createDb(url, { statementTimeoutMs: 0 }));
const log = (line: string) => console.error(line);

/** A bought list's rows: a name, a mobile and an email each, all different. */
const rows = (count: number, prefix: string): MappedRecord[] =>
  Array.from({ length: count }, (_, i) => [`Lead ${i} Example`, `+44 ${prefix} ${String(i).padStart(6, '0')}`, `lead${i}.${prefix}@example.com`, 'Spring list', '']);

async function importRun(kind: AnyImportKind, records: MappedRecord[], label: string) {
  const tenantId = `bench-import-${randomUUID()}`;
  await system.db.tenant.create({ data: { id: tenantId, name: `Import bench ${label}` } });
  const context = { tenantId, actorId: 'bench-agent', region: 'GB' as const };
  let started = performance.now();
  const import_ = await startImport(system.store, context, { fileName: `${label}.csv`, records }, { kind });
  const checkSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await import_.run!();
  const runSeconds = (performance.now() - started) / 1000;
  const progress = await importProgress(system.store, tenantId, import_.importId);
  if (progress?.state !== 'completed' || progress.done !== records.length) throw new Error(`${label}: ${JSON.stringify(progress)}`);
  const events = await system.db.event.count({ where: { tenantId, type: 'LeadRegistered' } });
  if (events !== records.length) throw new Error(`${label}: ${events} leads registered of ${records.length}`);
  log(`  ${label}: ${records.length.toLocaleString('en')} rows checked in ${round(checkSeconds, 1)} s, stored in ${round(runSeconds, 1)} s`);
  return { rows: records.length, checkSeconds: round(checkSeconds, 2), runSeconds: round(runSeconds, 2), rowsPerSec: round(records.length / runSeconds, 0) };
}

log(`Import of ${BASELINE_ROWS.toLocaleString('en')} rows, one command per row ...`);
const oneByOne = await importRun({ ...leadImports, storeBatch: undefined }, rows(BASELINE_ROWS, '7500'), 'one command per row');
log(`Import of ${ROWS.toLocaleString('en')} rows, in bulk ...`);
const bulk = await importRun(leadImports, rows(ROWS, '7400'), 'bulk');
const ratio = round(bulk.rowsPerSec / oneByOne.rowsPerSec, 1);

console.log(
  table(
    'Lead import: rows stored into the log per second (the run after the preview; it checks every row again)\n' +
      'baseline = the same rows stored one RegisterLead command per row (concurrency 4), in the same run',
    ['path', 'rows', 'check s', 'store s', 'rows/s', 'x baseline'],
    [
      ['one command per row', oneByOne.rows, oneByOne.checkSeconds, oneByOne.runSeconds, oneByOne.rowsPerSec, ''],
      ['bulk, 250 rows per statement', bulk.rows, bulk.checkSeconds, bulk.runSeconds, bulk.rowsPerSec, String(ratio)],
    ],
  ),
);
console.log(JSON.stringify({ bench: 'import', at: new Date().toISOString(), oneByOne, bulk, ratio }));
await system.db.$disconnect();
