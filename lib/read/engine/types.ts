import type { EventStore, InlineProjection, StoredEvent, Tx } from '@/lib/event-store';

/** Logical table name to the physical one a batch writes to: live tables, or a rebuild's copies. */
export type TableMap = Readonly<Record<string, string>>;

/**
 * A read model fed from the global log. `apply` writes one batch of events (in log order) into the
 * given tables, inside the transaction that also moves the checkpoint; events it does not care
 * about are simply skipped.
 */
export type AsyncProjection = {
  readonly name: string;
  /** The tables it owns, by logical name; the live physical name is the same. */
  readonly tables: readonly string[];
  /** Its batches read its own tables (not only upsert them): a rebuild builds their indexes first, not last. */
  readonly readsOwnTables?: boolean;
  apply(tx: Tx, events: readonly StoredEvent[], tables: TableMap): Promise<void>;
};

/**
 * An inline read model as the system registers it: written by every append, and rebuilt in place
 * (it cannot be swapped, as appends keep writing it). `onProgress` reports `done` of `total` units
 * of its own (streams, for the lead table).
 */
export type RebuildableInlineProjection = InlineProjection & {
  rebuild(store: EventStore, options: { onProgress?: (progress: { events: number; done: number; total: number }) => void }): Promise<{ events: number }>;
};

export const liveTables = (projection: AsyncProjection): TableMap =>
  Object.fromEntries(projection.tables.map((table) => [table, table]));
