import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EventRegistry } from './registry';
import type { VersionedEvent } from './types';

export type Tx = Prisma.TransactionClient;

/** A statement of the app's own that takes `rows` as its one parameter ($1, jsonb). */
export type RowWrite = { readonly sql: string; readonly rows: readonly object[] };

/**
 * A read model written in the append's own transaction, so a writer always reads its own change.
 * Before the append, `plan` reads the rows the events fold onto and returns the writes; the append
 * runs them in its one statement. Rows are guarded by version: if the stream moves in between, the
 * append is refused, and a rebuild writing beside it never loses to an older row.
 */
export type InlineProjection = {
  readonly name: string;
  plan(reader: Tx, events: readonly VersionedEvent[]): Promise<readonly RowWrite[]>;
};

export type StoreContext = {
  readonly db: Db;
  readonly registry: EventRegistry;
  readonly inlineProjections: readonly InlineProjection[];
};
