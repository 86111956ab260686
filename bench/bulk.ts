// Bulk change benchmark: a status change of 10,000 leads end to end (the batch recorded with every
// lead and version, each lead's ChangeStatus through the handler with its expected version, a
// few at a time, each chunk's results recorded), in commands per second, next to the same
// commands sent one at a time through the handler, measured in the same run on fresh tenants of
// the bench database.
//   npm run bench:bulk     (BENCH_BULK_LEADS=1000 for a quick check)
// Progress goes to stderr; stdout gets the table and, last, one JSON line with every figure.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseBulkAction } from '@/lib/bulk/bulk-action';
import { bulkProgress, startBulkChange } from '@/lib/bulk/run-bulk';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { createDb } from '@/lib/db/client';
import type { MappedRecord } from '@/lib/imports/mapping';
import { startImport } from '@/lib/imports/run-import';
import { createSystem } from '@/lib/system';
import { table } from './lib/report';
import { round } from './lib/stats';

const LEADS = Number(process.env.BENCH_BULK_LEADS ?? 10_000);

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:bulk`');
const system = createSystem(createDb(url, { statementTimeoutMs: 0 }));
const log = (line: string) => console.error(line);

/** A tenant of its own with `count` Available leads (imported in bulk), and each lead's version. */
async function tenantWithLeads(label: string, prefix: string) {
  const tenantId = `bench-bulk-${randomUUID()}`;
  await system.db.tenant.create({ data: { id: tenantId, name: `Bulk bench ${label}` } });
  const context: CommandContext = { tenantId, actorId: 'bench-manager', region: 'GB' };
  const records: MappedRecord[] = Array.from({ length: LEADS }, (_, i) => [`Lead ${i} Example`, `+44 ${prefix} ${String(i).padStart(6, '0')}`, '', 'Bench list', '']);
  const imported = await startImport(system.store, context, { fileName: `${label}.csv`, records });
  await imported.run!();
  const targets = await system.db.leadView.findMany({ where: { tenantId }, select: { leadId: true, version: true } });
  if (targets.length !== LEADS) throw new Error(`${label}: ${targets.length} leads of ${LEADS}`);
  return { tenantId, context, targets };
}

const closed = (tenantId: string) => system.db.leadView.count({ where: { tenantId, status: 'Closed' } });

log(`${LEADS.toLocaleString('en')} leads, one ChangeStatus at a time through the handler ...`);
const one = await tenantWithLeads('one at a time', '7600');
let started = performance.now();
for (const target of one.targets) {
  await executeLeadCommand(system.store, one.context, { type: 'ChangeStatus', leadId: target.leadId, expectedVersion: target.version, data: { status: 'Closed' } });
}
const oneSeconds = (performance.now() - started) / 1000;
if ((await closed(one.tenantId)) !== LEADS) throw new Error('one at a time: not every lead closed');

log(`${LEADS.toLocaleString('en')} leads, one bulk change ...`);
const bulk = await tenantWithLeads('bulk', '7700');
started = performance.now();
const batch = await startBulkChange(system.store, bulk.context, { action: parseBulkAction({ kind: 'status', status: 'Closed' }, new Date()), targets: bulk.targets, filter: 'status=Available' });
await batch.run!();
const bulkSeconds = (performance.now() - started) / 1000;
const progress = await bulkProgress(system.store, bulk.tenantId, batch.batchId);
if (progress.state !== 'finished' || progress.counts.done !== LEADS || (await closed(bulk.tenantId)) !== LEADS) throw new Error(`bulk: ${JSON.stringify(progress.counts)}`);

const oneByOne = { commands: LEADS, seconds: round(oneSeconds, 2), commandsPerSec: round(LEADS / oneSeconds, 0) };
const bulkRun = { commands: LEADS, seconds: round(bulkSeconds, 2), commandsPerSec: round(LEADS / bulkSeconds, 0) };
const ratio = round(bulkRun.commandsPerSec / oneByOne.commandsPerSec, 1);
console.log(
  table(
    'Bulk status change: lead commands per second, end to end (batch recorded, each lead through the handler, results recorded)\n' +
      'baseline = the same ChangeStatus commands sent one at a time through the handler, in the same run',
    ['path', 'commands', 'seconds', 'commands/s', 'x baseline'],
    [
      ['one at a time', oneByOne.commands, oneByOne.seconds, oneByOne.commandsPerSec, ''],
      ['bulk change (4 at once, 100 per chunk)', bulkRun.commands, bulkRun.seconds, bulkRun.commandsPerSec, String(ratio)],
    ],
  ),
);
console.log(JSON.stringify({ bench: 'bulk', at: new Date().toISOString(), oneByOne, bulk: bulkRun, ratio }));
await system.db.$disconnect();
