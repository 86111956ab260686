import 'server-only';
// What an import looks like before anything is stored: every row checked by its kind, a batch at a
// time, counted over the whole file, with the first rows and the first problems to show.
import type { Db } from '@/lib/db/client';
import type { RegisterLeadData } from './check-rows';
import { importIdFor } from './import-ids';
import type { AnyImportKind, ImportSource, ImportTenant, RowCheck } from './import-kind';
import { leadImports } from './lead-import';
import type { ImportRecord, MappedRecord } from './mapping';

export type { ImportSource, ImportTenant } from './import-kind';

export const BATCH_ROWS = 1000;

/** Rows held in memory: a small file, or a test's. */
export function recordsSource(records: readonly MappedRecord[], batchSize = BATCH_ROWS): ImportSource {
  return {
    rows: records.length,
    async *batches() {
      for (let at = 0; at < records.length; at += batchSize) yield records.slice(at, at + batchSize);
    },
  };
}

export type PreviewRow = { readonly index: number; readonly record: MappedRecord; readonly errors: readonly string[]; readonly notes: readonly string[] };

export type ImportPreview = {
  readonly importId: string;
  readonly rows: number;
  readonly validRows: number;
  /** The file's first rows, each with its problems (none when it is ready). */
  readonly sample: readonly PreviewRow[];
  /** The first rows with problems, wherever they are in the file. */
  readonly problems: readonly PreviewRow[];
};

/** Cells shown in a preview are cut short: a page need not carry a 60,000-character cell. */
const PREVIEW_CELL = 200;
const shown = (record: MappedRecord) => record.map((cell) => (cell.length > PREVIEW_CELL ? `${cell.slice(0, PREVIEW_CELL - 1)}…` : cell));

/** What the user sees before importing: counts over the whole file, the first rows, and the first problems. */
export async function previewImport(
  db: Db,
  tenant: ImportTenant,
  importId: string,
  source: ImportSource,
  { rows: shownRows = 100, kind = leadImports as AnyImportKind }: { rows?: number; kind?: AnyImportKind } = {},
): Promise<ImportPreview> {
  let validRows = 0;
  const sample: PreviewRow[] = [];
  const problems: PreviewRow[] = [];
  for await (const { first, records, checks } of kind.check(db, tenant, importId, source, new Date())) {
    for (const check of checks) {
      if (check.row) validRows++;
      const row = () => ({ index: check.index, record: shown(records[check.index - first]!), errors: check.errors, notes: check.notes ?? [] });
      if (check.index < shownRows) sample.push(row());
      if (check.errors.length > 0 && problems.length < shownRows) problems.push(row());
    }
  }
  return { importId, rows: source.rows, validRows, sample, problems };
}

export type PreparedImport<Row> = { readonly importId: string; readonly checks: readonly RowCheck<Row>[] };

/** Every row's check at once, for a few rows held in memory. */
export async function prepareImport(db: Db, tenant: ImportTenant, records: readonly ImportRecord[], now?: Date): Promise<PreparedImport<RegisterLeadData>>;
export async function prepareImport<Row>(db: Db, tenant: ImportTenant, records: readonly MappedRecord[], now: Date | undefined, kind: AnyImportKind): Promise<PreparedImport<Row>>;
export async function prepareImport(db: Db, tenant: ImportTenant, records: readonly MappedRecord[], now = new Date(), kind: AnyImportKind = leadImports): Promise<PreparedImport<unknown>> {
  const importId = importIdFor(tenant.tenantId, records, kind.name);
  const checks: RowCheck<unknown>[] = [];
  for await (const batch of kind.check(db, tenant, importId, recordsSource(records), now)) checks.push(...batch.checks);
  return { importId, checks };
}
