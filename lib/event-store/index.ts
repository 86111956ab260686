// The event store: the one door through which events are written and read. It knows no aggregate:
// the event types it checks and upcasts come from the registry it is given.
import type { Db } from '@/lib/db/client';
import { appendStreams, appendToStream, type AppendOptions, type StreamAppend } from './append';
import { findCommandResult } from './command-log';
export type { AppendOptions, StreamAppend } from './append';
import { loadState, stateAt, type Evolver, type LoadOptions } from './aggregate';
import type { InlineProjection, PersonalDataGuard, StoreContext } from './context';
import { headPosition, presentCheckpoint, readAll, type ReadAllOptions } from './read-all';
import { readStream, readStreams, streamVersion, type ReadStreamOptions } from './read-stream';
import { openRegistry, type EventRegistry } from './registry';
import { saveSnapshot, type Snapshot } from './snapshots';
import type { Checkpoint, NewEvent, StreamRef } from './types';

export type EventStore = ReturnType<typeof createEventStore>;

export function createEventStore(
  db: Db,
  { registry = openRegistry, inlineProjections = [], personalData }: {
    registry?: EventRegistry; inlineProjections?: readonly InlineProjection[]; personalData?: PersonalDataGuard;
  } = {},
) {
  const ctx: StoreContext = { db, registry, inlineProjections, personalData };
  return {
    db,
    registry,
    append: (stream: StreamRef, events: readonly NewEvent[], options: AppendOptions) => appendToStream(ctx, stream, events, options),
    /** Many streams in one statement, all or none: for bulk writes (imports, demo data). */
    appendStreams: (parts: readonly StreamAppend[]) => appendStreams(ctx, parts),
    readStream: (tenantId: string, streamId: string, options?: ReadStreamOptions) => readStream(ctx, tenantId, streamId, options),
    readStreams: (streams: readonly { tenantId: string; streamId: string }[]) => readStreams(ctx, streams),
    streamVersion: (tenantId: string, streamId: string) => streamVersion(ctx, tenantId, streamId),
    readAll: (after: Checkpoint, options?: ReadAllOptions) => readAll(ctx, after, options),
    headPosition: () => headPosition(ctx),
    /** Where a reader of what commits from now on starts (lib/live). */
    presentCheckpoint: () => presentCheckpoint(ctx),
    findCommandResult: (tenantId: string, commandId: string, commandHash?: string) => findCommandResult(ctx, tenantId, commandId, commandHash),
    loadState: <State>(tenantId: string, streamId: string, evolver: Evolver<State>, options?: LoadOptions) =>
      loadState(ctx, tenantId, streamId, evolver, options),
    stateAt: <State>(tenantId: string, streamId: string, evolver: Evolver<State>, at: { toVersion?: number; asOf?: Date }) =>
      stateAt(ctx, tenantId, streamId, evolver, at),
    saveSnapshot: <State>(tenantId: string, streamId: string, stateShape: number, snapshot: Snapshot<State>) =>
      saveSnapshot(ctx, tenantId, streamId, stateShape, snapshot),
  };
}

export type { AppendResult, Checkpoint, EventMetadata, ExpectedVersion, NewEvent, StoredEvent, StreamRef, VersionedEvent } from './types';
export { START_OF_LOG } from './types';
export type { CarriedRows, Evolver, LoadedState, LoadOptions } from './aggregate';
export { fold } from './aggregate';
export type { CarriedRow, InlineProjection, PersonalDataGuard, RowWrite, StoredRow, Tx } from './context';
export { createEventRegistry, defineEvents, ERASED_VALUE, EventShapeError, openRegistry, type EventDefinition, type EventDefinitions, type EventRegistry, type UpcastStep } from './registry';
