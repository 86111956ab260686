// Runs an import: records who started it (ImportStarted), registers each valid row as its own
// RegisterLead command, and records how it ended (ImportCompleted, or ImportFailed). The rows are
// read, checked and registered a batch at a time (lib/imports/prepare-import.ts), so an import of
// 200,000 rows holds one batch in memory and no transaction longer than one lead's.
//
// Nothing partial, and never twice: a row's command id is `${importId}-${rowIndex}` and its lead id
// is derived from the same pair (import-ids.ts), and the import id from the tenant and the rows.
// Each command is committed in one transaction with its processed_commands row, so counting the
// import's processed command ids (importedCount) counts exactly the rows stored, even after a crash
// half-way. Running the same file again finds the same ids: rows already stored come back as
// duplicates without writing anything, the others are registered, so it resumes. While a run goes
// on, its progress is the rows stored before it began (counted once) plus those it has stored
// since: counting 100,000 command ids costs the database a second, too much for every poll.
import { randomUUID } from 'node:crypto';
import { handleCommand } from '@/lib/commands/handle-command';
import type { CommandContext } from '@/lib/commands/lead-commands';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import type { Db } from '@/lib/db/client';
import { ConcurrencyError, ConflictError, isDomainError } from '@/lib/errors';
import type { EventStore } from '@/lib/event-store';
import { importAggregate } from './aggregate';
import type { RegisterLeadData } from './check-rows';
import { importIdFor, rowCommandId } from './import-ids';
import { foldImport, IMPORT_STREAM_TYPE, type ImportCommand, type ImportRun } from './import-stream';
import type { ImportRecord } from './mapping';
import { checkImport, recordsSource, type ImportSource } from './prepare-import';

/** What to import: rows in memory, or a source read batch by batch with the import id its rows give. */
export type ImportInput =
  | { readonly fileName: string; readonly records: readonly ImportRecord[] }
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
const running: Map<string, LiveRun> = ((globalThis as { leadstreamImportRuns?: Map<string, LiveRun> }).leadstreamImportRuns ??= new Map());
const runKey = (tenantId: string, importId: string) => `${tenantId}/${importId}`;

export function isImportRunning(tenantId: string, importId: string): boolean {
  return running.has(runKey(tenantId, importId));
}

export async function startImport(
  store: EventStore,
  context: CommandContext,
  input: ImportInput,
  options: { concurrency?: number } = {},
): Promise<StartedImport> {
  const { tenantId } = context;
  const { importId, source } = 'records' in input ? { importId: importIdFor(tenantId, input.records), source: recordsSource(input.records) } : input;
  let validRows = 0;
  for await (const { checks } of checkImport(store.db, { tenantId, region: context.region }, importId, source, context.now)) {
    validRows += checks.filter((check) => check.lead).length;
  }
  const summary = { importId, rows: source.rows, validRows };
  if (isImportRunning(tenantId, importId)) return { ...summary, run: null };

  const version = await store.streamVersion(tenantId, importId);
  try {
    await recordImport(store, context, importId, version ?? 0, {
      type: 'StartImportRun',
      data: { fileName: input.fileName, rows: summary.rows, validRows: summary.validRows, by: context.actorId },
    });
  } catch (error) {
    // Someone started the same rows a moment ago: theirs is the run.
    if (error instanceof ConflictError || error instanceof ConcurrencyError) return { ...summary, run: null };
    throw error;
  }
  const live: LiveRun = { storedBefore: null, storedNow: 0 };
  running.set(runKey(tenantId, importId), live);
  const run = () => registerRows(store, context, importId, source, live, options.concurrency ?? 4).finally(() => running.delete(runKey(tenantId, importId)));
  return { ...summary, run };
}

/** Checks each batch again (the tenant's leads may have changed) and registers its valid rows. */
async function registerRows(store: EventStore, context: CommandContext, importId: string, source: ImportSource, live: LiveRun, concurrency: number): Promise<void> {
  const rows = source.rows;
  let failure: unknown = null;
  const register = async (job: { index: number; lead: RegisterLeadData }) => {
    try {
      const result = await executeLeadCommand(store, context, { type: 'RegisterLead', commandId: rowCommandId(importId, job.index), data: job.lead });
      if (!result.duplicate) live.storedNow++;
    } catch (error) {
      // A row the lead rules refuse is skipped; anything else (the database gone) stops the run.
      if (isDomainError(error) && !(error instanceof ConcurrencyError)) return;
      failure ??= error;
    }
  };
  try {
    live.storedBefore = await importedCount(store.db, context.tenantId, importId, rows);
    for await (const { checks } of checkImport(store.db, { tenantId: context.tenantId, region: context.region }, importId, source, context.now)) {
      const jobs = checks.flatMap((check) => (check.lead ? [{ index: check.index, lead: check.lead }] : []));
      let next = 0;
      const worker = async () => {
        while (failure === null && next < jobs.length) await register(jobs[next++]!);
      };
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
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

/** The import's own record, through the same handler as every command: `expectedVersion` omitted applies to the current version. */
function recordImport(store: EventStore, context: CommandContext, importId: string, expectedVersion: number | undefined, command: ImportCommand) {
  return handleCommand(store, importAggregate, {
    tenantId: context.tenantId, streamId: importId, command, expectedVersion,
    commandId: randomUUID(), actor: context.actorId, now: context.now ?? new Date(),
  });
}

/** Rows of the import whose RegisterLead command has been committed: exactly the rows stored. */
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

/** The import's latest run, with its rows done counted from what is stored. Null if no such import in the tenant. */
export async function importProgress(store: EventStore, tenantId: string, importId: string): Promise<ImportProgress | null> {
  // Asked before reading the events: a run that ends in between then shows its end, not a cut-off.
  const live = running.get(runKey(tenantId, importId));
  const events = await store.readStream(tenantId, importId);
  if (events.length === 0 || events[0]!.streamType !== IMPORT_STREAM_TYPE) return null;
  const run = foldImport(events);
  if (!run) return null;
  const done = live ? (live.storedBefore ?? 0) + live.storedNow : await importedCount(store.db, tenantId, importId, run.rows);
  // A run that never recorded its end and is not running here was cut off (say, by a restart).
  const state = run.state === 'running' && !live ? 'interrupted' : run.state;
  return { importId, ...run, state, done, total: run.validRows };
}
