// The event store's vocabulary, shared by writers, stream readers and global readers.

export type StreamRef = {
  readonly tenantId: string;
  readonly streamId: string;
  readonly streamType: string;
};

export type EventMetadata = {
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** The user (or system process) whose action produced the event. */
  readonly actor?: string;
  readonly client?: Record<string, string>;
};

/** An event about to be appended: the store assigns version, position and schema version. */
export type NewEvent = {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
  readonly occurredAt: Date;
};

/** An event with its place in its stream, about to be written or written: all but its global position. */
export type VersionedEvent = {
  readonly tenantId: string;
  readonly streamId: string;
  readonly streamType: string;
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly occurredAt: Date;
};

export type StoredEvent = VersionedEvent & {
  readonly position: bigint;
  readonly txId: bigint;
};

/**
 * What the writer believes the stream's version is:
 * a number (0 means "no events yet"), 'no_stream' (must not exist) or 'any' (no check).
 */
export type ExpectedVersion = number | 'no_stream' | 'any';

export type AppendResult = {
  readonly streamId: string;
  /** The stream's version after the append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  readonly firstPosition: bigint;
  readonly lastPosition: bigint;
  /** True when the command id had been carried out before: nothing was appended this time. */
  readonly duplicate: boolean;
};

/** Where a global reader stands: the (transaction id, position) pair of the last event it read. */
export type Checkpoint = { readonly txId: bigint; readonly position: bigint };

export const START_OF_LOG: Checkpoint = { txId: 0n, position: 0n };
