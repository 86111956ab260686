// An import is an event stream of its own: who imported which file, how many rows it had, and how
// it ended. Each run of the same file (a retry or a resume) adds a start and an end. Pure.

export const IMPORT_STREAM_TYPE = 'import';

export type ImportStarted = { type: 'ImportStarted'; data: { fileName: string; rows: number; validRows: number; by: string } };
export type ImportCompleted = { type: 'ImportCompleted'; data: { imported: number; skipped: number } };
/** The run stopped on an unexpected error; running the same file again resumes it. */
export type ImportFailed = { type: 'ImportFailed'; data: { imported: number; reason: string } };
export type ImportEvent = ImportStarted | ImportCompleted | ImportFailed;

export type ImportRun = {
  readonly fileName: string;
  readonly rows: number;
  readonly validRows: number;
  /** Who started the latest run, and when. */
  readonly startedBy: string;
  readonly startedAt: string;
  readonly state: 'running' | 'completed' | 'failed';
  readonly imported: number;
  readonly skipped: number;
  readonly runs: number;
};

type RecordedEvent = { readonly type: string; readonly data: unknown; readonly occurredAt: Date };

/** The latest run of an import, or null when the events are not an import's. */
export function foldImport(events: readonly RecordedEvent[]): ImportRun | null {
  let run = null as ImportRun | null;
  for (const recorded of events) {
    const event = recorded as unknown as ImportEvent;
    switch (event.type) {
      case 'ImportStarted':
        run = {
          fileName: event.data.fileName, rows: event.data.rows, validRows: event.data.validRows,
          startedBy: event.data.by, startedAt: recorded.occurredAt.toISOString(),
          state: 'running', imported: 0, skipped: 0, runs: (run?.runs ?? 0) + 1,
        };
        break;
      case 'ImportCompleted':
        if (run) run = { ...run, state: 'completed', imported: event.data.imported, skipped: event.data.skipped };
        break;
      case 'ImportFailed':
        if (run) run = { ...run, state: 'failed', imported: event.data.imported };
        break;
      default:
        return null;
    }
  }
  return run;
}
