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
  /**
   * `carried`: rows a command's load read with its stream (carriedSql), at the version the append
   * starts from; rows of any other stream are read here.
   */
  plan(reader: Tx, events: readonly VersionedEvent[], carried?: CarriedRow): Promise<readonly RowWrite[]>;
  /** The rows a stream's next events fold onto, as one jsonb value: a command's load reads it in its own statement. */
  carriedSql?(tenantId: string, streamId: string): Prisma.Sql;
};

/** What an inline projection's carriedSql read for one stream (null: nothing yet). */
export type CarriedRow = { readonly tenantId: string; readonly streamId: string; readonly value: unknown };

/**
 * Keeps the personal values of events (the registry's `personal` paths) out of the log in the clear:
 * sealed with their stream's key on the way in, opened on the way out, `[erased]` once the key is
 * gone (lib/erasure). Without one, data is stored as it is.
 */
export type PersonalDataGuard = {
  /** Each event's data as it is to be stored, in order, and the writes that go with it (a new stream's key). */
  seal(db: Db, registry: EventRegistry, events: readonly VersionedEvent[]): Promise<{ data: unknown[]; writes: RowWrite[] }>;
  /** The rows with their data readable. */
  open<Row extends StoredRow>(reader: Db | Tx, rows: readonly Row[]): Promise<Row[]>;
  /** A column with the stream's key, for a read to carry as `stream_key`: its rows then open without a query of their own. */
  keySql(tenantId: string, streamId: string): Prisma.Sql;
};

/** What the guard needs of a stored row; `stream_key` when the read carried its stream's key (keySql). */
export type StoredRow = { readonly tenant_id: string; readonly stream_id: string; readonly data: unknown; readonly stream_key?: Uint8Array | null };

export type StoreContext = {
  readonly db: Db;
  readonly registry: EventRegistry;
  readonly inlineProjections: readonly InlineProjection[];
  readonly personalData?: PersonalDataGuard;
};
