import 'server-only';
// An upload, parsed as it arrives, kept as its mapped rows in a file of its own (one JSON array a
// line) while its import id is computed from them. The raw upload is never held: each batch of
// rows is written out before the next bytes are read, and the checks and the import read the
// rows back from the file, batch by batch, as often as they need to.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { csvBatches } from './csv';
import { importIdHasher } from './import-ids';
import type { ImportKindName, ImportSource } from './import-kind';
import { LEAD_ROWS, mappingFromParam, toRecords, type ColumnMapping, type MappedRecord, type RowShape } from './mapping';

export type Spool = {
  readonly path: string;
  readonly importId: string;
  readonly rows: number;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping<string>;
};

const SPOOL_DIR = path.join(tmpdir(), 'leadstream-imports');

/** The kind of import an upload is for: its name (part of the import id) and the fields of its rows. */
type UploadKind = { readonly name: ImportKindName; readonly shape: RowShape };

/**
 * Reads a CSV upload into a spool file: rows mapped into the kind's fields with `mappingParam`
 * (guessed from the header when null). Throws what the CSV reader and the mapping refuse, and
 * whatever the upload fails with.
 */
export async function spoolUpload(
  upload: AsyncIterable<Uint8Array>,
  tenantId: string,
  mappingParam: string | null,
  kind: UploadKind = { name: 'leads', shape: LEAD_ROWS },
): Promise<Spool> {
  await mkdir(SPOOL_DIR, { recursive: true });
  const file = path.join(SPOOL_DIR, `${randomUUID()}.ndjson`);
  const out = createWriteStream(file);
  const hasher = importIdHasher(tenantId, kind.name);
  let shape: { headers: readonly string[]; mapping: ColumnMapping<string> } | null = null;
  let rows = 0;
  try {
    for await (const batch of csvBatches(upload)) {
      shape ??= { headers: batch.headers, mapping: mappingFromParam(mappingParam, batch.headers, kind.shape) };
      let lines = '';
      for (const record of toRecords(batch.rows, shape.mapping, kind.shape)) {
        hasher.add(record);
        lines += `${JSON.stringify(record)}\n`;
      }
      rows += batch.rows.length;
      if (!out.write(lines)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');
  } catch (error) {
    out.destroy();
    await rm(file, { force: true });
    throw error;
  }
  return { path: file, importId: hasher.importId(), rows, ...shape! };
}

/** The spooled rows, in batches, read from the file each time. */
export function spoolSource(spool: Spool, batchSize = 1000): ImportSource {
  return {
    rows: spool.rows,
    async *batches() {
      const input = createReadStream(spool.path);
      try {
        let batch: MappedRecord[] = [];
        for await (const line of createInterface({ input, crlfDelay: Infinity })) {
          batch.push(JSON.parse(line) as MappedRecord);
          if (batch.length === batchSize) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      } finally {
        input.destroy();
      }
    },
  };
}

export async function discardSpool(spool: Spool): Promise<void> {
  await rm(spool.path, { force: true });
}
