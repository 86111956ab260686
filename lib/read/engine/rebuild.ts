// Rebuilding an async projection without taking the app down: replay the whole log into fresh copies
// of its tables (`<table>__rebuild`) while the live projection goes on serving, then, under the
// projection's lock, apply what arrived meanwhile and swap the copies in, in one short transaction.
import { ident } from '@/lib/db/sql';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EventStore, StoredEvent, Tx } from '@/lib/event-store';
import { START_OF_LOG, type Checkpoint } from '@/lib/event-store';
import { lockProjection, writeCheckpoint } from './checkpoints';
import type { AsyncProjection, TableMap } from './types';

export type RebuildProgress = (progress: { events: number; position: bigint }) => void;

export type RebuildOptions = {
  readonly batchSize?: number;
  readonly onProgress?: RebuildProgress;
  /** Leave the copies next to the live tables instead of swapping (to compare them). */
  readonly swap?: boolean;
  /** Only this tenant's events, into copies left beside the live tables (a check of one tenant's rows). */
  readonly tenantId?: string;
};

const shadow = (table: string) => `${table}__rebuild`;

export async function rebuildProjection(store: EventStore, projection: AsyncProjection, options: RebuildOptions = {}) {
  return rebuildProjections(store, [projection], options);
}

/**
 * Rebuilds several async projections in one pass over the log: each page of events is read and
 * decoded once and applied to every projection's copies, and the next page is read while one is
 * written. One swap at the end takes every projection's lock and swaps all their copies in.
 */
export async function rebuildProjections(store: EventStore, projections: readonly AsyncProjection[], options: RebuildOptions = {}) {
  const { batchSize = 10_000, onProgress = () => {}, tenantId } = options;
  const swap = (options.swap ?? true) && tenantId === undefined;
  const shadows = projections.map((projection) => ({
    projection,
    tables: Object.fromEntries(projection.tables.map((table) => [table, shadow(table)])) as TableMap,
  }));
  const allTables = projections.flatMap((projection) => projection.tables);
  const readBack = new Set(projections.filter((projection) => projection.readsOwnTables).flatMap((projection) => projection.tables));
  const indexes = await createShadowTables(store, allTables, readBack);
  const applyAll = async (tx: Tx, events: readonly StoredEvent[]) => {
    for (const { projection, tables } of shadows) await projection.apply(tx, events, tables);
  };

  let checkpoint: Checkpoint = START_OF_LOG;
  let events = 0;
  const catchUpShadow = async () => {
    let next = store.readAll(checkpoint, { limit: batchSize, tenantId });
    for (;;) {
      const page = await next;
      const full = page.events.length === batchSize;
      // The next page is read on another connection while this one is written.
      if (full) {
        next = store.readAll(page.checkpoint, { limit: batchSize, tenantId });
        next.catch(() => {}); // awaited by the next turn; if this one's write fails, nobody will
      }
      if (page.events.length > 0) {
        await store.db.$transaction((tx) => applyAll(tx, page.events), { timeout: 300_000 });
        checkpoint = page.checkpoint;
        events += page.events.length;
        onProgress({ events, position: checkpoint.position });
      }
      if (!full) return; // what is left fits in the swap's one batch
    }
  };
  await catchUpShadow();
  await createSecondaryIndexes(store, indexes);
  // Fresh statistics, or the planner guesses about the swapped-in tables until autovacuum comes by;
  // and a visibility map, so index-only scans need not visit the heap of a table just written.
  for (const table of allTables) await store.db.$executeRaw`VACUUM (ANALYZE) ${ident(shadow(table))}`;
  if (!swap) return { events, checkpoint };

  // The swap holds the projections' locks and, being a writing transaction, every gap-safe reader:
  // it applies at most one more batch. Whatever arrives after that, the live projectors apply
  // from the checkpoint the swap leaves.
  await catchUpShadow();
  const swapped = await store.db.$transaction(
    async (tx) => {
      // The live projectors' next batches wait for the swap; locked in one order, so two swaps cannot deadlock.
      for (const name of projections.map((projection) => projection.name).sort()) await lockProjection(tx, name);
      const page = await store.readAll(checkpoint, { limit: batchSize, client: tx });
      if (page.events.length > 0) await applyAll(tx, page.events);
      const last = page.events.length > 0 ? page.checkpoint : checkpoint;
      for (const table of allTables) await swapIn(tx, table, indexes.filter((index) => index.table === table));
      for (const projection of projections) await writeCheckpoint(tx, projection.name, last, BigInt(events + page.events.length));
      return { events: events + page.events.length, checkpoint: last };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  onProgress({ events: swapped.events, position: swapped.checkpoint.position });
  return swapped;
}

type IndexDefinition = { table: string; name: string; definition: string; unique: boolean; early: boolean };

/**
 * Empty copies of the tables with only their unique indexes (the batches upsert on those), and all
 * their indexes for the tables whose projection reads them back while it writes (`readBack`).
 */
async function createShadowTables(store: EventStore, tables: readonly string[], readBack: ReadonlySet<string>): Promise<IndexDefinition[]> {
  const indexes: IndexDefinition[] = [];
  for (const table of tables) {
    await store.db.$executeRaw`DROP TABLE IF EXISTS ${ident(shadow(table))}`;
    await store.db.$executeRaw`CREATE TABLE ${ident(shadow(table))} (LIKE ${ident(table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`;
    const rows = await store.db.$queryRaw<{ name: string; definition: string; unique: boolean }[]>`
      SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisunique AS unique
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = ${table}::regclass`;
    for (const row of rows) {
      const index = { table, ...row, early: row.unique || readBack.has(table) };
      indexes.push(index);
      if (index.early) await store.db.$executeRaw(shadowIndexDefinition(index));
    }
  }
  return indexes;
}

async function createSecondaryIndexes(store: EventStore, indexes: readonly IndexDefinition[]) {
  for (const index of indexes.filter((i) => !i.early)) await store.db.$executeRaw(shadowIndexDefinition(index));
}

/**
 * The live index's definition (from pg_get_indexdef, so PostgreSQL's own text) with the index and
 * table names swapped for their shadows', each through `ident`.
 */
function shadowIndexDefinition(index: IndexDefinition): Prisma.Sql {
  const [before, after] = splitOnce(index.definition, `INDEX ${index.name} ON `);
  const rest = after.replace(new RegExp(`^(public\\.)?"?${index.table}"? `), '');
  if (rest === after) throw new Error(`Unexpected definition of index ${index.name}: ${index.definition}`);
  return Prisma.sql`${Prisma.raw(before)}INDEX ${ident(shadow(index.name))} ON ${ident(shadow(index.table))} ${Prisma.raw(rest)}`;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  if (at < 0) throw new Error(`Unexpected index definition: ${text}`);
  return [text.slice(0, at), text.slice(at + separator.length)];
}

async function swapIn(tx: Tx, table: string, indexes: readonly IndexDefinition[]) {
  await tx.$executeRaw`DROP TABLE ${ident(table)}`;
  await tx.$executeRaw`ALTER TABLE ${ident(shadow(table))} RENAME TO ${ident(table)}`;
  for (const index of indexes) await tx.$executeRaw`ALTER INDEX ${ident(shadow(index.name))} RENAME TO ${ident(index.name)}`;
}
