// One export: its own `pg` connection (from the export pool, see slots.ts), the horizon, then a
// server-side cursor (pg-query-stream) piped through the encoder (and gzip) into a web
// ReadableStream. Every stage waits for the next one to want more, so memory stays flat whatever
// the size; the connection is given back at the end, on error, when the client goes away, or when
// the client stops reading for longer than the stall bound (a stalled reader holds a connection and
// a snapshot for nothing).
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
import type { ExportConnection } from './slots';

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
  /** Give up when the client has not asked for more for this long (ms). */
  readonly stallMs?: number;
  /**
   * Where the horizon is settled: by default on the export's own connection. An export read on a
   * hot standby settles it on the primary (`standbyHorizon`).
   */
  readonly horizon?: (budgetMs: number | undefined) => Promise<bigint>;
};

/** A connection of its own for one export, outside any pool (the benchmark, tests). */
export async function ownConnection(connectionString: string): Promise<ExportConnection> {
  const client = new pg.Client({ connectionString, application_name: 'leadstream-export' });
  client.on('error', () => {}); // a dropped connection fails the stream instead
  await client.connect();
  return { client, done: () => void client.end().catch(() => {}) };
}

const CHUNK_BYTES = 64 * 1024;

export async function openExport(
  connection: ExportConnection,
  registry: EventRegistry,
  tenantId: string,
  params: ExportParams,
  options: ExportOptions = {},
): Promise<ExportRun> {
  const { client } = connection;
  let horizon: bigint;
  try {
    horizon = await (options.horizon ?? ((budgetMs) => exportHorizon(client, { budgetMs })))(options.horizonBudgetMs);
    if (options.maxPosition !== undefined && options.maxPosition < horizon) horizon = options.maxPosition;
  } catch (error) {
    connection.done(false);
    throw error;
  }
  const columns = exportColumns(registry);
  const { text, values } = toPgQuery(exportRowsQuery(columns, tenantId, params.after, horizon, params));
  const rows = client.query(new QueryStream(text, values, { rowMode: 'array', batchSize: options.batchSize ?? 5000 }));
  const stages: NodeJS.ReadWriteStream[] = [encoder(params.format, registry, columns, { spreadsheet: params.spreadsheet }), ...(params.gzip ? [createGzip()] : [])];
  const output = pipeline([rows, ...stages] as unknown as [Readable, ...NodeJS.ReadWriteStream[]], (error) => connection.done(!error)) as unknown as Readable;

  const extension = `${params.format}${params.gzip ? '.gz' : ''}`;
  return {
    horizon,
    body: toWebStream(output, options.stallMs),
    contentType: params.gzip ? 'application/gzip' : params.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    fileName: `leadstream-${tenantId}-events-${params.after + 1n}-${horizon}.${extension}`,
  };
}

export class StalledReaderError extends Error {
  constructor(stallMs: number) {
    super(`The client read nothing for ${stallMs / 1000} s: the export was stopped`);
    this.name = 'StalledReaderError';
  }
}

/**
 * Pulls from the Node stream only when the consumer asks, in chunks of about 64 KB. A consumer
 * that does not ask again within `stallMs` gets an error and the Node stream is destroyed.
 */
export function toWebStream(readable: Readable, stallMs?: number): ReadableStream<Uint8Array> {
  const chunks = readable[Symbol.asyncIterator]();
  let stall: NodeJS.Timeout | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        clearTimeout(stall);
        const parts: Buffer[] = [];
        let size = 0;
        while (size < CHUNK_BYTES) {
          const next = await chunks.next();
          if (next.done) {
            clearTimeout(stall);
            if (size > 0) controller.enqueue(Buffer.concat(parts, size));
            controller.close();
            return;
          }
          const part = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
          parts.push(part);
          size += part.length;
        }
        controller.enqueue(Buffer.concat(parts, size));
        // The chunk is the client's now: it must come back for the next one within the bound.
        if (stallMs) {
          stall = setTimeout(() => {
            const error = new StalledReaderError(stallMs);
            controller.error(error);
            readable.destroy(error);
          }, stallMs);
          stall.unref();
        }
      },
      async cancel() {
        clearTimeout(stall);
        await chunks.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
