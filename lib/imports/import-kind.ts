// What makes one kind of import (leads, the do-not-call list) different from another: the fields a
// row is read into, how a batch of rows is checked for the tenant, and the one command each good
// row becomes. Everything else is the same pipeline for every kind: the upload read as it arrives
// into a spool file (spool.ts), the preview (prepare-import.ts), the audited run with its progress
// (run-import.ts) and the routes that serve them (lib/api/imports.ts).
import type { Db } from '@/lib/db/client';
import type { EventStore } from '@/lib/event-store';
import type { Region } from '@/lib/leads/contact';
import type { ImportKindName } from './import-stream';
import type { MappedRecord, RowShape } from './mapping';

export type { ImportKindName } from './import-stream';

/** Where an import's rows come from, read again for each pass over them (checking, then importing). */
export type ImportSource = { readonly rows: number; batches(): AsyncIterable<readonly MappedRecord[]> };

export type ImportTenant = { readonly tenantId: string; readonly region: Region };

/** Who runs an import, for whom: the tenant, the user recorded as the actor, the tenant's phone region. */
export type ImportContext = { readonly tenantId: string; readonly actorId: string; readonly region: Region; readonly now?: Date };

/**
 * One row's check: what it will store (null when it will not), and why not; `notes`, what the
 * importer should know that does not stop the row (a lead that held its phone or email before).
 */
export type RowCheck<Row> = { readonly index: number; readonly errors: readonly string[]; readonly row: Row | null; readonly notes?: readonly string[] };

export type CheckedBatch<Row> = { readonly first: number; readonly records: readonly MappedRecord[]; readonly checks: readonly RowCheck<Row>[] };

export type ImportKind<Row = unknown> = {
  readonly name: ImportKindName;
  readonly shape: RowShape;
  /** Every row of the import, checked for the tenant in file order, one batch (and one look-up) at a time. */
  check(db: Db, tenant: ImportTenant, importId: string, source: ImportSource, now: Date): AsyncIterable<CheckedBatch<Row>>;
  /**
   * Stores one good row as its own command, with the command id `rowCommandId(importId, index)`:
   * the same row stored again returns `duplicate` and writes nothing.
   */
  store(store: EventStore, context: ImportContext, importId: string, index: number, row: Row): Promise<{ readonly duplicate: boolean }>;
  /**
   * Stores many good rows in one statement, each under its row's command id, leaving out the rows
   * stored before and those the domain's rules refuse: how many it stored. Kinds without it store
   * row by row.
   */
  storeBatch?(store: EventStore, context: ImportContext, importId: string, rows: readonly { index: number; row: Row }[]): Promise<{ readonly stored: number }>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportKind = ImportKind<any>;
