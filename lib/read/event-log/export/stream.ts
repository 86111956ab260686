// One export: its own `pg` connection, the horizon, then a server-side cursor (pg-query-stream)
// piped through the encoder (and gzip) into a web ReadableStream. Every stage waits for the next
// one to want more, so memory stays flat whatever the size; the connection closes at the end,
// on error, or when the client goes away.
import { pipeline, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import { toPgQuery } from '@/lib/db/sql';
import { exportHorizon } from '@/lib/event-store/horizon';
import type { EventRegistry } from '@/lib/event-store/registry';
import { exportColumns } from './columns';
import { encoder } from './encode';
import type { ExportParams } from './params';
import { exportRowsQuery } from './query';

export type ExportRun = {
  /** Every event of the export is at or below this position: pass it as `after` to fetch the rest later. */
  readonly horizon: bigint;
  readonly body: ReadableStream<Uint8Array>;
  readonly contentType: string;
  readonly fileName: string;
};

export type ExportOptions = {
  /** How long to wait for appends in flight before refusing with HorizonTimeoutError (ms). */
  readonly horizonBudgetMs?: number;
  /** Rows fetched from the cursor per round trip. */
  readonly batchSize?: number;
  /** Stop at this position even if the horizon is further (the benchmark exports a fixed slice). */
  readonly maxPosition?: bigint;
};

const CHUNK_BYTES = 64 * 1024;

export async function openExport(
  connectionString: string,
  registry: EventRegistry,
  tenantId: string,
  params: ExportParams,
  options: ExportOptions = {},
): Promise<ExportRun> {
  const client = new pg.Client({ connectionString, application_name: 'leadstream-export' });
  client.on('error', () => {}); // a dropped connection fails the stream below instead
  await client.connect();
  let horizon: bigint;
  try {
    horizon = await exportHorizon(client, { budgetMs: options.horizonBudgetMs });
    if (options.maxPosition !== undefined && options.maxPosition < horizon) horizon = options.maxPosition;
  } catch (error) {
    await client.end();
    throw error;
  }
  const columns = exportColumns(registry);
  const { text, values } = toPgQuery(exportRowsQuery(columns, tenantId, params.after, horizon, params));
  const rows = client.query(new QueryStream(text, values, { rowMode: 'array', batchSize: options.batchSize ?? 5000 }));
  const stages: NodeJS.ReadWriteStream[] = [encoder(params.format, registry, columns, { spreadsheet: params.spreadsheet }), ...(params.gzip ? [createGzip()] : [])];
  const output = pipeline([rows, ...stages] as unknown as [Readable, ...NodeJS.ReadWriteStream[]], () => {
    void client.end().catch(() => {});
  }) as unknown as Readable;

  const extension = `${params.format}${params.gzip ? '.gz' : ''}`;
  return {
    horizon,
    body: toWebStream(output),
    contentType: params.gzip ? 'application/gzip' : params.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    fileName: `leadstream-${tenantId}-events-${params.after + 1n}-${horizon}.${extension}`,
  };
}

/** Pulls from the Node stream only when the consumer asks, in chunks of about 64 KB. */
export function toWebStream(readable: Readable): ReadableStream<Uint8Array> {
  const chunks = readable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const parts: Buffer[] = [];
        let size = 0;
        while (size < CHUNK_BYTES) {
          const next = await chunks.next();
          if (next.done) {
            if (size > 0) controller.enqueue(Buffer.concat(parts, size));
            controller.close();
            return;
          }
          const part = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
          parts.push(part);
          size += part.length;
        }
        controller.enqueue(Buffer.concat(parts, size));
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
