// Grows the bench tenant to a number of leads: chunks of leads are generated on worker threads and
// bulk-inserted in lead order with plain pg, one transaction per ~5000-event statement (a long
// transaction would hold back every gap-safe reader). Streams rows go in with a chunk's last batch,
// so the leads with a streams row are always a prefix 0..k-1: a rerun resumes from there.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { BENCH_TENANT, leadIdOf, type GeneratedChunk } from './leads';

const CHUNK_LEADS = 5000; // the window inside which leads' events interleave by time

const INSERT_EVENTS = `
  INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
  SELECT $1, r.s, 'lead', r.v, r.t, r.sv, r.d, r.m, r.at
  FROM jsonb_to_recordset($2::jsonb) AS r(n int, s text, v int, t text, sv int, d jsonb, m jsonb, at timestamptz)
  ORDER BY r.n`;
const INSERT_STREAMS = `
  INSERT INTO streams (tenant_id, stream_id, stream_type, version, created_at, updated_at)
  SELECT $1, r.s, 'lead', r.v, r.c, r.u FROM jsonb_to_recordset($2::jsonb) AS r(s text, v int, c timestamptz, u timestamptz)`;

// Workers do not inherit tsx's loader: the entry is plain JS that registers it, then loads the TS.
const WORKER_ENTRY = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;
const startWorker = () => new Worker(WORKER_ENTRY, { eval: true });

export type Generation = { fromLeads: number; toLeads: number; events: number; refused: number; seconds: number; eventsPerSec: number; workers: number };

export async function countBenchLeads(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM streams WHERE tenant_id = $1 AND stream_type = 'lead'`, [BENCH_TENANT]);
  return rows[0]!.n;
}

async function insertChunk(pool: pg.Pool, chunk: GeneratedChunk): Promise<void> {
  const client = await pool.connect();
  try {
    for (const [i, batch] of chunk.batches.entries()) {
      await client.query('BEGIN');
      await client.query(INSERT_EVENTS, [BENCH_TENANT, batch.json]);
      if (i === chunk.batches.length - 1) await client.query(INSERT_STREAMS, [BENCH_TENANT, chunk.streamsJson]);
      await client.query('COMMIT');
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Generates leads [current count, target); returns null when the tenant already has enough. */
export async function growBenchTenant(pool: pg.Pool, target: number, log: (line: string) => void): Promise<Generation | null> {
  const have = await countBenchLeads(pool);
  if (have >= target) return null;
  await pool.query(`INSERT INTO tenants (id, name, default_region) VALUES ($1, 'Bench', 'GB') ON CONFLICT DO NOTHING`, [BENCH_TENANT]);
  // Events of a chunk that died before its streams rows committed (an interrupted run).
  const strays = Array.from({ length: Math.min(CHUNK_LEADS, target - have) }, (_, i) => leadIdOf(have + i));
  await pool.query('DELETE FROM events WHERE tenant_id = $1 AND stream_id = ANY($2)', [BENCH_TENANT, strays]);

  const ranges: [number, number][] = [];
  for (let from = have; from < target; from += CHUNK_LEADS) ranges.push([from, Math.min(target, from + CHUNK_LEADS)]);
  const workerCount = Math.max(1, Math.min(os.cpus().length, ranges.length));
  const workers = Array.from({ length: workerCount }, () => startWorker());
  const started = performance.now();
  let events = 0;
  let refused = 0;
  try {
    // Each worker makes every workerCount-th chunk, one at a time; they are inserted strictly in order.
    const waiting: { resolve: (chunk: GeneratedChunk) => void; reject: (error: unknown) => void }[] = [];
    workers.forEach((worker, w) => {
      worker.on('message', (chunk: GeneratedChunk) => waiting[w]!.resolve(chunk));
      worker.on('error', (error) => waiting[w]?.reject(error));
    });
    const results = new Map<number, Promise<GeneratedChunk>>();
    const request = (i: number) => {
      if (i >= ranges.length) return;
      const w = i % workerCount;
      results.set(i, new Promise((resolve, reject) => (waiting[w] = { resolve, reject })));
      workers[w]!.postMessage({ from: ranges[i]![0], to: ranges[i]![1] });
    };
    for (let i = 0; i < workerCount; i++) request(i);
    for (let i = 0; i < ranges.length; i++) {
      const chunk = await results.get(i)!;
      results.delete(i);
      request(i + workerCount); // this worker is free again: let it make its next chunk now
      await insertChunk(pool, chunk);
      events += chunk.events;
      refused += chunk.refused;
      const seconds = (performance.now() - started) / 1000;
      log(`  generated ${chunk.to.toLocaleString('en')} / ${target.toLocaleString('en')} leads, ${events.toLocaleString('en')} events, ${Math.round(events / seconds).toLocaleString('en')} events/s`);
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  const seconds = (performance.now() - started) / 1000;
  return { fromLeads: have, toLeads: target, events, refused, seconds, eventsPerSec: events / seconds, workers: workerCount };
}

/** `--fresh`: forgets the bench tenant (log, bookkeeping and read-model rows), to grow it again from 0. */
export async function resetBenchTenant(pool: pg.Pool): Promise<void> {
  for (const table of ['events', 'streams', 'processed_commands', 'snapshots', 'leads', 'search_terms', 'status_periods', 'follow_ups']) {
    await pool.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [BENCH_TENANT]);
  }
}
