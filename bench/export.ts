// Export benchmark: N events of the bench tenant through the app's export code (cursor, encoder,
// web stream) into a byte-counting sink, next to PostgreSQL's `COPY (SELECT …) TO STDOUT` of the
// same rows, each in a child process whose resident memory is sampled every 50 ms.
//   npm run bench:export -- [--events 6000000] [--formats csv,ndjson]
// The bench tenant comes from `npm run bench -- --leads …`; with fewer events than asked, all of
// them are exported (and the report says so). Progress on stderr; tables and a JSON line on stdout.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_TENANT } from './generate/leads';
import { table } from './lib/report';
import { round } from './lib/stats';

const { values } = parseArgs({ options: { events: { type: 'string', default: '6000000' }, formats: { type: 'string', default: 'csv,ndjson' } } });
const wanted = Number(values.events);
const formats = values.formats.split(',') as ('csv' | 'ndjson')[];
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:export`');
const log = (line: string) => console.error(line);
const ROOT = path.resolve(import.meta.dirname, '..');

type Run = { label: string; rows: number; bytes: number; seconds: number; rowsPerSecond: number; peakRssMb: number; rssAt: number[] };

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

async function runChild(label: string, args: string[]): Promise<Run> {
  log(`  ${label} ...`);
  // node itself with tsx's loader, so the sampled pid is the process doing the work.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/export-child.ts', ...args], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const mb = rssMb(child.pid!);
    if (mb !== null) samples.push(mb);
  }, 50);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${label} failed with exit code ${code}`);
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as { rows: number; bytes: number; seconds: number };
  // RSS at 25 %, 50 %, 75 % and 100 % of the run: flat memory shows as flat numbers.
  const rssAt = [0.25, 0.5, 0.75, 1].map((share) => round(samples[Math.min(samples.length - 1, Math.floor(share * (samples.length - 1)))] ?? 0, 0));
  return { label, ...result, rowsPerSecond: Math.round(result.rows / result.seconds), peakRssMb: round(Math.max(...samples), 0), rssAt };
}

const pool = new pg.Pool({ connectionString: url, max: 2 });
try {
  const { rows: [counted] } = await pool.query<{ events: string }>('SELECT count(*)::text AS events FROM events WHERE tenant_id = $1', [BENCH_TENANT]);
  const available = Number(counted!.events);
  if (available === 0) throw new Error('The bench tenant has no events: run `npm run bench -- --leads 20000 --small 5000` first');
  const events = Math.min(wanted, available);
  if (events < wanted) log(`The bench tenant has ${available.toLocaleString('en')} events: exporting all of them, not ${wanted.toLocaleString('en')}.`);
  const { rows: [last] } = await pool.query<{ position: string }>(
    'SELECT position::text FROM events WHERE tenant_id = $1 ORDER BY events.position OFFSET $2 LIMIT 1', [BENCH_TENANT, events - 1]);
  const maxPosition = last!.position;
  const { rows: [version] } = await pool.query<{ server_version: string }>('SHOW server_version');
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, postgres: version!.server_version };
  log(`Exporting ${events.toLocaleString('en')} events (positions up to ${maxPosition}) on ${machine.cpus} cores ...`);

  const runs: Run[] = [];
  runs.push(await runChild('COPY … TO STDOUT (csv)', ['copy', BENCH_TENANT, maxPosition]));
  for (const format of formats) runs.push(await runChild(`export ${format}`, ['export', BENCH_TENANT, maxPosition, format]));
  for (const run of runs) if (run.rows !== events) throw new Error(`${run.label} delivered ${run.rows} rows, expected ${events}`);

  const copy = runs[0]!;
  console.log(table(
    `Export of ${events.toLocaleString('en')} events of the bench tenant (${machine.cpus} cores, ${machine.cpuModel}, PostgreSQL ${machine.postgres}, Node ${machine.node})`,
    ['run', 'rows', 'seconds', 'rows/s', 'MB', 'MB/s', 'peak RSS MB', 'RSS at 25/50/75/100 %', 'vs COPY'],
    runs.map((run) => [
      run.label, run.rows, round(run.seconds, 1), run.rowsPerSecond, round(run.bytes / 1e6, 0), round(run.bytes / 1e6 / run.seconds, 1),
      run.peakRssMb, run.rssAt.join(' / '), `${round(run.rowsPerSecond / copy.rowsPerSecond, 2)}×`,
    ]),
  ));
  console.log('Target: at least 100,000 rows/s with flat memory.');
  console.log(JSON.stringify({ machine, events, available, maxPosition, runs }));
} finally {
  await pool.end();
}
