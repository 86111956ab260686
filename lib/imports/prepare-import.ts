import 'server-only';
// Checks every row of an import against the tenant, a batch at a time: who may own its leads (by
// email) and the phones and emails its leads hold now (search terms, exact normalised match).
import type { Db } from '@/lib/db/client';
import type { Region } from '@/lib/leads/contact';
import { assignable, tenantUsers } from '@/lib/read/organisation/users';
import { currentHolders } from '@/lib/read/search-terms/contact-holders';
import { rowChecker, type RowCheck } from './check-rows';
import { importIdFor, rowLeadId } from './import-ids';
import type { ImportRecord } from './mapping';

/** Where an import's rows come from, read again for each pass over them (checking, then importing). */
export type ImportSource = { readonly rows: number; batches(): AsyncIterable<readonly ImportRecord[]> };

export type ImportTenant = { readonly tenantId: string; readonly region: Region };

export const BATCH_ROWS = 1000;

/** Rows held in memory: a small file, or a test's. */
export function recordsSource(records: readonly ImportRecord[], batchSize = BATCH_ROWS): ImportSource {
  return {
    rows: records.length,
    async *batches() {
      for (let at = 0; at < records.length; at += batchSize) yield records.slice(at, at + batchSize);
    },
  };
}

export type CheckedBatch = { readonly first: number; readonly records: readonly ImportRecord[]; readonly checks: readonly RowCheck[] };

/** Every row of the import, checked in file order, one batch (and one look-up of existing contacts) at a time. */
export async function* checkImport(db: Db, tenant: ImportTenant, importId: string, source: ImportSource, now = new Date()): AsyncGenerator<CheckedBatch> {
  const users = await tenantUsers(db, tenant.tenantId);
  const owners = new Map(assignable(users).map((user) => [user.email.toLowerCase(), user.id]));
  const others = new Set(users.map((user) => user.email.toLowerCase()).filter((email) => !owners.has(email)));
  const checker = rowChecker({ region: tenant.region, now, owners, cannotOwn: others, leadIdFor: (index) => rowLeadId(importId, index) });
  let first = 0;
  for await (const records of source.batches()) {
    const read = checker.read(records, first);
    const existing = await currentHolders(db, tenant.tenantId, read.contactKeys);
    yield { first, records, checks: checker.check(read, existing) };
    first += records.length;
  }
}

export type PreviewRow = { readonly index: number; readonly record: ImportRecord; readonly errors: readonly string[] };

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
const shown = (record: ImportRecord) => record.map((cell) => (cell.length > PREVIEW_CELL ? `${cell.slice(0, PREVIEW_CELL - 1)}…` : cell)) as unknown as ImportRecord;

/** What the user sees before importing: counts over the whole file, the first rows, and the first problems. */
export async function previewImport(db: Db, tenant: ImportTenant, importId: string, source: ImportSource, { rows: shownRows = 100 } = {}): Promise<ImportPreview> {
  let validRows = 0;
  const sample: PreviewRow[] = [];
  const problems: PreviewRow[] = [];
  for await (const { first, records, checks } of checkImport(db, tenant, importId, source)) {
    for (const check of checks) {
      if (check.lead) validRows++;
      const row = () => ({ index: check.index, record: shown(records[check.index - first]!), errors: check.errors });
      if (check.index < shownRows) sample.push(row());
      if (check.errors.length > 0 && problems.length < shownRows) problems.push(row());
    }
  }
  return { importId, rows: source.rows, validRows, sample, problems };
}

export type PreparedImport = { readonly importId: string; readonly checks: readonly RowCheck[] };

/** Every row's check at once, for a few rows held in memory. */
export async function prepareImport(db: Db, tenant: ImportTenant, records: readonly ImportRecord[], now = new Date()): Promise<PreparedImport> {
  const importId = importIdFor(tenant.tenantId, records);
  const checks: RowCheck[] = [];
  for await (const batch of checkImport(db, tenant, importId, recordsSource(records), now)) checks.push(...batch.checks);
  return { importId, checks };
}
