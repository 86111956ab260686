// One export: its own `pg` connection (from the export pool, see slots.ts), the horizon, then a
// server-side cursor (pg-query-stream) read a fetch at a time, each fetch encoded in one piece,
// (through gzip) into a web ReadableStream. Every stage waits for the next one to want more, so
// memory stays flat whatever the size; the connection is given back at the end, on error, when the client goes away, or when
// the client stops reading for longer than the stall bound (a stalled reader holds a connection and
// a snapshot for nothing).
import { finished, pipeline, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import { toPgQuery } from '@/lib/db/sql';
import { exportHorizon } from '@/lib/event-store/horizon';
import type { EventRegistry } from '@/lib/event-store/registry';
import { exportColumns } from './columns';
import { exportEncoding, type ExportRow } from './encode';
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
  /** Opens the personal values sealed in a fetch's data texts (lib/erasure); without it, data is exported as stored. */
  readonly openData?: (rows: readonly { streamId: string; data: string }[]) => Promise<string[]>;
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
  const encoding = exportEncoding(params.format, registry, exportColumns(registry), { spreadsheet: params.spreadsheet });
  const { text, values } = toPgQuery(exportRowsQuery(tenantId, params.after, horizon, params));
  const rows = client.query(new EncodedRows(text, values, encoding, options.batchSize ?? 5000, options.openData));
  const finish = (error?: Error | null) => connection.done(!error);
  const output = params.gzip ? (pipeline(rows, createGzip(), finish) as Readable) : rows;
  if (!params.gzip) finished(rows, finish);

  const extension = `${params.format}${params.gzip ? '.gz' : ''}`;
  return {
    horizon,
    body: toWebStream(output, options.stallMs),
    contentType: params.gzip ? 'application/gzip' : params.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    fileName: `leadstream-${tenantId}-events-${params.after + 1n}-${horizon}.${extension}`,
  };
}

/**
 * The cursor's rows as the text they encode to, handed on in pieces of about CHUNK_BYTES. Rows are
 * fetched and encoded `fetchRows` at a time; the next fetch is asked for before a fetch is
 * encoded, so the database reads while Node encodes, and no more than that one is asked for until
 * the reader has taken the encoded one, so a slow reader slows the fetches. The stream ends (and
 * gives its connection back) when the reader has taken the last piece.
 */
class EncodedRows extends QueryStream {
  private next: Promise<ExportRow[]> | null = null;
  private encoded = '';
  private taken = 0;
  private last = false;

  constructor(
    text: string,
    values: unknown[],
    private readonly encoding: ReturnType<typeof exportEncoding>,
    private readonly fetchRows: number,
    private readonly openData?: ExportOptions['openData'],
  ) {
    super(text, values, { rowMode: 'array', highWaterMark: 1 });
    this.encoded = encoding.head;
  }

  private fetch(): Promise<ExportRow[]> {
    const read = new Promise<ExportRow[]>((resolve, reject) => this.cursor.read(this.fetchRows, (error: Error | null, read: ExportRow[]) => (error ? reject(error) : resolve(read))));
    const rows = this.openData ? read.then((fetched) => this.opened(fetched)) : read;
    rows.catch(() => {}); // seen by the _read that takes it; none may come if the stream is destroyed first
    return rows;
  }

  private async opened(rows: ExportRow[]): Promise<ExportRow[]> {
    const data = await this.openData!(rows.map((row) => ({ streamId: row[3], data: row[12] })));
    rows.forEach((row, i) => (row[12] = data[i]!));
    return rows;
  }

  override _read(): void {
    if (this.taken < this.encoded.length) {
      this.push(this.encoded.slice(this.taken, this.taken + CHUNK_BYTES));
      this.taken += CHUNK_BYTES;
      return;
    }
    if (this.last) return void this.push(null);
    (this.next ?? this.fetch()).then((rows) => {
      this.last = rows.length < this.fetchRows;
      this.next = this.last ? null : this.fetch();
      this.encoded = this.encoding.lines(rows); // a stored event no upcaster reads throws: the stream fails
      this.taken = 0;
      this._read();
    }).catch((error: Error) => this.destroy(error));
  }
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
