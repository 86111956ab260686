// One export run of the export benchmark, in a process of its own so the parent can sample its
// memory: `export` streams through the app's export code (lib/read/event-log/export), `copy` runs PostgreSQL's
// COPY of the same rows through pg-copy-streams. Either way the bytes go to a counting sink.
// Prints one JSON line: { rows, bytes, seconds }.
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { rowCounter } from '@/components/export/download';
import type { ExportParams } from '@/lib/read/event-log/export/params';
import { openExport, ownConnection } from '@/lib/read/event-log/export/stream';
import { createSystem } from '@/lib/system';
import { createDb } from '@/lib/db/client';

const [mode, tenantId, maxPosition, format = 'csv'] = process.argv.slice(2) as ['export' | 'copy', string, string, 'csv' | 'ndjson'];
const url = process.env.DATABASE_URL!;
const started = performance.now();
let bytes = 0;
const counter = rowCounter(format);

if (mode === 'export') {
  const params: ExportParams = { format, gzip: false, after: 0n };
  const { registry } = createSystem(createDb(url, { poolSize: 1 }));
  const run = await openExport(await ownConnection(url), registry, tenantId, params, { maxPosition: BigInt(maxPosition), horizonBudgetMs: 30_000 });
  const reader = run.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.length;
    counter.add(value);
  }
} else {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tenant = client.escapeLiteral(tenantId);
  // The same rows and columns the export selects, in the same order, as PostgreSQL's own CSV.
  const sql = `COPY (SELECT position, tenant_id, stream_type, stream_id, version, type, schema_version,
      to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      metadata->>'actor', metadata->>'commandId', metadata->>'correlationId', metadata->>'causationId', data, metadata
    FROM events WHERE tenant_id = ${tenant} AND position > 0 AND position <= ${BigInt(maxPosition)} ORDER BY events.position)
    TO STDOUT WITH (FORMAT csv, HEADER)`;
  await pipeline(
    client.query(copyTo(sql)),
    new Writable({ write(chunk: Buffer, _encoding, done) { bytes += chunk.length; counter.add(chunk); done(); } }),
  );
  await client.end();
}

const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ rows: counter.rows, bytes, seconds })}\n`);
