// The import's own stream as the system registers it (lib/system/aggregates.ts).
import { defineAggregate } from '@/lib/commands/aggregate';
import {
  decideImport, evolveImport, IMPORT_EVENTS, IMPORT_STREAM_TYPE, initialImportState,
  type ImportCommand, type ImportEvent, type ImportState,
} from './import-stream';

export const importAggregate = defineAggregate<ImportCommand, ImportEvent, ImportState>({
  streamType: IMPORT_STREAM_TYPE,
  events: IMPORT_EVENTS,
  decider: { decide: decideImport, evolve: evolveImport, initialState: initialImportState },
  // Two runs of the same file started from the same version: the second is refused, the first runs.
  conflictsWith: (command, event) => command.type === 'StartImportRun' && event.type === 'ImportStarted',
  snapshots: { shape: 1 },
});
