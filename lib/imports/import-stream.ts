// An import is an event stream of its own: who imported which file into what (leads, or the
// do-not-call list), how many rows it had, and how it ended. Each run of the same file (a retry or
// a resume) adds a start and an end. Pure.
import { z } from 'zod';
import { IllegalStateError } from '@/lib/errors';
import { defineEvents } from '@/lib/event-store/registry';

export const IMPORT_STREAM_TYPE = 'import';

const count = z.number().int().min(0);

/** What an import fills: the tenant's leads, or its do-not-call list. */
export const IMPORT_KINDS = ['leads', 'do-not-call'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export const IMPORT_EVENT_SCHEMAS = {
  ImportStarted: z.strictObject({ kind: z.enum(IMPORT_KINDS), fileName: z.string(), rows: count, validRows: count, by: z.string() }),
  ImportCompleted: z.strictObject({ imported: count, skipped: count }),
  /** The run stopped on an unexpected error; running the same file again resumes it. */
  ImportFailed: z.strictObject({ imported: count, reason: z.string() }),
} as const;

/** ImportStarted v1 came before the do-not-call list: every import was of leads. */
export const IMPORT_EVENTS = defineEvents(IMPORT_EVENT_SCHEMAS, {
  ImportStarted: { version: 2, upcast: { 1: (data: Omit<ImportStartedData, 'kind'>) => ({ kind: 'leads', ...data }) } },
});

type Schemas = typeof IMPORT_EVENT_SCHEMAS;
export type ImportEvent = { [Type in keyof Schemas]: { type: Type; data: z.output<Schemas[Type]> } }[keyof Schemas];
export type ImportStarted = Extract<ImportEvent, { type: 'ImportStarted' }>;
type ImportStartedData = ImportStarted['data'];

// ---- The import's own decider: a run starts, and ends completed or failed ----------------------------

export type ImportCommand =
  | { readonly type: 'StartImportRun'; readonly data: ImportStarted['data'] }
  | { readonly type: 'EndImportRun'; readonly data: { imported: number } & ({ outcome: 'completed'; skipped: number } | { outcome: 'failed'; reason: string }) };

export type ImportState = { readonly kind: 'initial' } | { readonly kind: 'recorded'; readonly running: boolean };

export const initialImportState = (): ImportState => ({ kind: 'initial' });

export function evolveImport(state: ImportState, event: ImportEvent): ImportState {
  return { kind: 'recorded', running: event.type === 'ImportStarted' };
}

export function decideImport(command: ImportCommand, state: ImportState): ImportEvent[] {
  switch (command.type) {
    case 'StartImportRun':
      // A run cut off by a restart never recorded its end: starting again resumes it.
      return [{ type: 'ImportStarted', data: command.data }];
    case 'EndImportRun': {
      if (state.kind === 'initial') throw new IllegalStateError('import.not-started');
      const { data } = command;
      return data.outcome === 'completed'
        ? [{ type: 'ImportCompleted', data: { imported: data.imported, skipped: data.skipped } }]
        : [{ type: 'ImportFailed', data: { imported: data.imported, reason: data.reason } }];
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

// ---- What the import's progress shows -----------------------------------------------------------------

export type ImportRun = {
  readonly kind: ImportKindName;
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

const isImportEvent = (event: RecordedEvent): event is RecordedEvent & ImportEvent => Object.hasOwn(IMPORT_EVENT_SCHEMAS, event.type);

/** The latest run of an import, or null when the events are not an import's. */
export function foldImport(events: readonly RecordedEvent[]): ImportRun | null {
  let run = null as ImportRun | null;
  for (const event of events) {
    if (!isImportEvent(event)) return null;
    switch (event.type) {
      case 'ImportStarted':
        run = {
          kind: event.data.kind, fileName: event.data.fileName, rows: event.data.rows, validRows: event.data.validRows,
          startedBy: event.data.by, startedAt: event.occurredAt.toISOString(),
          state: 'running', imported: 0, skipped: 0, runs: (run?.runs ?? 0) + 1,
        };
        break;
      case 'ImportCompleted':
        if (run) run = { ...run, state: 'completed', imported: event.data.imported, skipped: event.data.skipped };
        break;
      case 'ImportFailed':
        if (run) run = { ...run, state: 'failed', imported: event.data.imported };
        break;
    }
  }
  return run;
}
