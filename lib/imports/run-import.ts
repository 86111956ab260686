// Runs an import of any kind (import-kind.ts): records who started it (ImportStarted), stores each
// valid row as its own command (a RegisterLead, a BlockNumber), and records how it ended
// (ImportCompleted, or ImportFailed). The rows are read, checked and stored a batch at a time, so
// an import of a million rows holds one batch in memory. Kinds that store in bulk (leads) write a
// few hundred rows per statement, each row still its own command decided alone; the others one row
// per transaction.
//
// Nothing partial, and never twice: a row's command id is `${importId}-${rowIndex}` (a lead's id is
// derived from the same pair, import-ids.ts), and the import id from the kind, the tenant and the
// rows. Each command is committed with its processed_commands row (in bulk, each row's own), so counting the
// import's processed command ids (importedCount) counts exactly the rows stored, even after a crash
// half-way. Running the same file again finds the same ids: rows already stored come back as
// duplicates without writing anything, the others are registered, so it resumes. While a run goes
// on, its progress is the rows stored before it began (counted once) plus those it has stored
// since: counting 100,000 command ids costs the database a second, too much for every poll.
import { randomUUID } from 'node:crypto';
import { liveRuns, runBounded } from '@/lib/background/work';
import { handleCommand } from '@/lib/commands/handle-command';
import type { Db } from '@/lib/db/client';
import { ConcurrencyError, ConflictError, isDomainError } from '@/lib/errors';
import type { EventStore } from '@/lib/event-store';
import { importAggregate } from './aggregate';
import { importIdFor } from './import-ids';
import type { AnyImportKind, ImportContext, ImportKindName, ImportSource } from './import-kind';
import { foldImport, IMPORT_STREAM_TYPE, type ImportCommand, type ImportRun } from './import-stream';
import { leadImports } from './lead-import';
import type { MappedRecord } from './mapping';
import { recordsSource } from './prepare-import';

/** What to import: rows in memory, or a source read batch by batch with the import id its rows give. */
export type ImportInput =
  | { readonly fileName: string; readonly records: readonly MappedRecord[] }
  | { readonly fileName: string; readonly importId: string; readonly source: ImportSource };

export type StartedImport = {
  readonly importId: string;
  readonly rows: number;
  readonly validRows: number;
  /** The background work; null when this import is already running here. */
  readonly run: (() => Promise<void>) | null;
};

/** A run going on in this process: rows of the import stored before it began (once counted), and since. */
type LiveRun = { storedBefore: number | null; storedNow: number };

// Runs in progress in this server process, across module copies in different route bundles.
const running = liveRuns<LiveRun>('leadstreamImportRuns');
const runKey = (tenantId: string, importId: string) => `${tenantId}/${importId}`;

export function isImportRunning(tenantId: string, importId: string): boolean {
  return running.has(runKey(tenantId, importId));
}

/** Starts an import of `kind` (leads unless told): checks every row, records the start, and hands back the run. */
export async function startImport(
  store: EventStore,
  context: ImportContext,
  input: ImportInput,
  options: { concurrency?: number; kind?: AnyImportKind } = {},
): Promise<StartedImport> {
  const { tenantId } = context;
  const kind = options.kind ?? leadImports;
  const { importId, source } = 'records' in input ? { importId: importIdFor(tenantId, input.records, kind.name), source: recordsSource(input.records) } : input;
  let validRows = 0;
  for await (const { checks } of kind.check(store.db, { tenantId, region: context.region }, importId, source, context.now ?? new Date())) {
    validRows += checks.filter((check) => check.row).length;
  }
  const summary = { importId, rows: source.rows, validRows };
  if (isImportRunning(tenantId, importId)) return { ...summary, run: null };

  const version = await store.streamVersion(tenantId, importId);
  try {
    await recordImport(store, context, importId, version ?? 0, {
      type: 'StartImportRun',
      data: { kind: kind.name, fileName: input.fileName, rows: summary.rows, validRows: summary.validRows, by: context.actorId },
    });
  } catch (error) {
    // Someone started the same rows a moment ago: theirs is the run.
    if (error instanceof ConflictError || error instanceof ConcurrencyError) return { ...summary, run: null };
    throw error;
  }
  const live: LiveRun = { storedBefore: null, storedNow: 0 };
  running.set(runKey(tenantId, importId), live);
  const run = () => storeRows(store, kind, context, importId, source, live, options.concurrency ?? 4).finally(() => running.delete(runKey(tenantId, importId)));
  return { ...summary, run };
}

/** Checks each batch again (the tenant's leads or list may have changed) and stores its valid rows. */
async function storeRows(store: EventStore, kind: AnyImportKind, context: ImportContext, importId: string, source: ImportSource, live: LiveRun, concurrency: number): Promise<void> {
  const rows = source.rows;
  let failure: unknown = null;
  const storeRow = async (job: { index: number; row: unknown }) => {
    try {
      const result = await kind.store(store, context, importId, job.index, job.row);
      if (!result.duplicate) live.storedNow++;
    } catch (error) {
      // A row the domain's rules refuse is skipped; anything else (the database gone) stops the run.
      if (isDomainError(error) && !(error instanceof ConcurrencyError)) return;
      failure ??= error;
    }
  };
  const storeChunk = async (chunk: readonly { index: number; row: unknown }[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        live.storedNow += (await kind.storeBatch!(store, context, importId, chunk)).stored;
        return;
      } catch (error) {
        // Another run stored some of these rows in between: they are left out on the next attempt.
        if (error instanceof ConcurrencyError && attempt < 3) continue;
        failure ??= error;
        return;
      }
    }
  };
  try {
    live.storedBefore = await importedCount(store.db, context.tenantId, importId, rows);
    for await (const { checks } of kind.check(store.db, { tenantId: context.tenantId, region: context.region }, importId, source, context.now ?? new Date())) {
      const jobs = checks.flatMap((check) => (check.row ? [{ index: check.index, row: check.row }] : []));
      const tasks = kind.storeBatch
        ? chunked(jobs, ROWS_PER_STATEMENT).map((chunk) => () => storeChunk(chunk))
        : jobs.map((job) => () => storeRow(job));
      await runBounded(tasks, concurrency, () => failure !== null);
      if (failure !== null) break;
    }
  } catch (error) {
    // The rows could not be read or checked again (the database gone): the run stops here.
    failure ??= error;
  }
  try {
    const imported = await importedCount(store.db, context.tenantId, importId, rows);
    await recordImport(store, context, importId, undefined, {
      type: 'EndImportRun',
      data: failure === null
        ? { outcome: 'completed', imported, skipped: rows - imported }
        : { outcome: 'failed', imported, reason: failure instanceof Error ? failure.message : String(failure) },
    });
  } catch (error) {
    // The import's own record could not be written either: its progress shows it interrupted.
    console.error(`Import ${importId} could not record how it ended:`, error);
  }
  if (failure !== null) console.error(`Import ${importId} stopped:`, failure);
}

/** Rows a kind that stores in bulk writes per statement: large enough to cost one round trip per hundreds of rows, small enough never to hold gap-safe readers for long. */
const ROWS_PER_STATEMENT = 250;

const chunked = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The import's own record, through the same handler as every command: `expectedVersion` omitted applies to the current version. */
function recordImport(store: EventStore, context: ImportContext, importId: string, expectedVersion: number | undefined, command: ImportCommand) {
  return handleCommand(store, importAggregate, {
    tenantId: context.tenantId, streamId: importId, command, expectedVersion,
    commandId: randomUUID(), actor: context.actorId, now: context.now ?? new Date(),
  });
}

/** Rows of the import whose command has been committed: exactly the rows stored. */
export async function importedCount(db: Db, tenantId: string, importId: string, rows: number): Promise<number> {
  const [row] = await db.$queryRaw<{ done: number }[]>`
    SELECT count(*)::int AS done FROM processed_commands
    WHERE tenant_id = ${tenantId}
      AND command_id IN (SELECT ${importId}::text || '-' || i::text FROM generate_series(0, ${rows}::int - 1) AS i)`;
  return row?.done ?? 0;
}

export type ImportProgress = Omit<ImportRun, 'state'> & {
  readonly importId: string;
  /** `interrupted`: the run ended without recording how (the server stopped); running it again resumes. */
  readonly state: ImportRun['state'] | 'interrupted';
  /** Rows stored so far, of `total` valid rows. */
  readonly done: number;
  readonly total: number;
};

/** The import's latest run, with its rows done counted from what is stored. Null if the tenant has no such import of this kind. */
export async function importProgress(store: EventStore, tenantId: string, importId: string, kind: ImportKindName = 'leads'): Promise<ImportProgress | null> {
  // Asked before reading the events: a run that ends in between then shows its end, not a cut-off.
  const live = running.get(runKey(tenantId, importId));
  const events = await store.readStream(tenantId, importId);
  if (events.length === 0 || events[0]!.streamType !== IMPORT_STREAM_TYPE) return null;
  const run = foldImport(events);
  if (!run || run.kind !== kind) return null;
  const done = live ? (live.storedBefore ?? 0) + live.storedNow : await importedCount(store.db, tenantId, importId, run.rows);
  // A run that never recorded its end and is not running here was cut off (say, by a restart).
  const state = run.state === 'running' && !live ? 'interrupted' : run.state;
  return { importId, ...run, state, done, total: run.validRows };
}
