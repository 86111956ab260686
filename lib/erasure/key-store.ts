// The keys table (stream_keys): one data key per stream that holds personal values, wrapped under
// the master key. A new stream's key is inserted by its first append, in the append's own statement;
// one query per later append or read finds the keys of the streams it touches, unless the read
// carried the key in its own statement (`keySql`: a command's load). Unwrapped keys are kept per
// process by their wrapped form, so a key the table no longer holds (erased) is never found again
// for reading, whatever the cache holds.
//
// For sealing only, the key each stream was last seen with is kept too, so the append that follows a
// command's load does not look it up again. Sealing with a key erased since is harmless: what it
// seals can never be opened, and an erasure moves the stream's version, so the command's load saw it
// (its state refuses personal data from then on) or its append is refused.
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import type { RowWrite, Tx } from '@/lib/event-store';
import { newDataKey, unwrapKey, wrapKey } from './cipher';

export type StreamOf = { readonly tenantId: string; readonly streamId: string };
/** A stream's data key, or 'erased' (its personal data was erased); absent from the map: none yet. */
export type KeyLookup = Map<string, Buffer | 'erased'>;

export const streamKeyOf = (tenantId: string, streamId: string) => `${tenantId}\u0000${streamId}`;
const ownerOf = (tenantId: string, streamId: string) => `${tenantId}/${streamId}`;

type KeyRow = { tenant_id: string; stream_id: string; wrapped_key: Buffer | null };

// About 100 bytes a key: a few megabytes at most, and a rebuild over many leads does not thrash it.
const CACHE_LIMIT = 50_000;
const INSERT_KEYS = `INSERT INTO stream_keys (tenant_id, stream_id, wrapped_key)
  SELECT tenant_id, stream_id, decode(wrapped, 'base64') FROM jsonb_to_recordset($1) AS k(tenant_id text, stream_id text, wrapped text)`;

export function createKeyStore(master: () => Buffer) {
  const unwrapped = new Map<string, Buffer>();
  const lastSeen = new Map<string, Buffer | 'erased'>();
  const remember = <V>(cache: Map<string, V>, cacheKey: string, value: V) => {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(cacheKey, value);
  };

  function keyOf(row: KeyRow): Buffer | 'erased' {
    if (!row.wrapped_key) return 'erased';
    const wrapped = Buffer.from(row.wrapped_key);
    const cacheKey = wrapped.toString('base64');
    let key = unwrapped.get(cacheKey);
    if (!key) remember(unwrapped, cacheKey, (key = unwrapKey(master(), wrapped, ownerOf(row.tenant_id, row.stream_id))));
    return key;
  }

  function seen(row: KeyRow): Buffer | 'erased' {
    const key = keyOf(row);
    remember(lastSeen, streamKeyOf(row.tenant_id, row.stream_id), key);
    return key;
  }

  /** New keys for `streams`, wrapped, and remembered unwrapped. */
  function newKeys(streams: readonly StreamOf[]) {
    return streams.map((s) => {
      const key = newDataKey();
      const wrapped = wrapKey(master(), key, ownerOf(s.tenantId, s.streamId)).toString('base64');
      remember(unwrapped, wrapped, key);
      return { stream: s, key, row: { tenant_id: s.tenantId, stream_id: s.streamId, wrapped } };
    });
  }

  const toLookup = (rows: readonly KeyRow[]): KeyLookup => new Map(rows.map((row) => [streamKeyOf(row.tenant_id, row.stream_id), seen(row)]));

  return {
    /**
     * The stream's key as a column of a read (`stream_key`): null when the stream has no key, empty
     * once its data is erased. Rows that carry it are opened without a query of their own (`carried`).
     */
    keySql: (tenantId: string, streamId: string): Prisma.Sql =>
      Prisma.sql`(SELECT coalesce(k.wrapped_key, ''::bytea) FROM stream_keys k WHERE k.tenant_id = ${tenantId} AND k.stream_id = ${streamId})`,

    /** The key a row's `stream_key` column carried (see keySql); absent: the stream has none. */
    carried(tenantId: string, streamId: string, column: Uint8Array | null): Buffer | 'erased' | undefined {
      if (column === null) return undefined;
      return seen({ tenant_id: tenantId, stream_id: streamId, wrapped_key: column.length === 0 ? null : Buffer.from(column) });
    },

    /** For sealing only: the key the stream was last seen with in this process, if any. */
    lastSeen: (stream: StreamOf) => lastSeen.get(streamKeyOf(stream.tenantId, stream.streamId)),

    /** The keys the streams have (none for a stream without one). */
    async find(reader: Db | Tx, streams: readonly StreamOf[]): Promise<KeyLookup> {
      if (streams.length === 0) return new Map();
      const wanted = JSON.stringify(streams.map((s) => ({ tenant_id: s.tenantId, stream_id: s.streamId })));
      return toLookup(await reader.$queryRaw<KeyRow[]>`
        SELECT k.tenant_id, k.stream_id, k.wrapped_key FROM stream_keys k
        JOIN jsonb_to_recordset(${wanted}::jsonb) AS w(tenant_id text, stream_id text) USING (tenant_id, stream_id)`);
    },

    /** Keys for new streams, and the write that stores them with the streams' first events. */
    create(streams: readonly StreamOf[]): { keys: KeyLookup; write: RowWrite } {
      const made = newKeys(streams);
      return {
        keys: new Map(made.map(({ stream, key }) => [streamKeyOf(stream.tenantId, stream.streamId), key])),
        write: { sql: INSERT_KEYS, rows: made.map(({ row }) => row) },
      };
    },

    /**
     * Keys for streams that exist but hold no key yet (written before encryption came in), stored
     * now on their own; a key another append stored first is the one found.
     */
    async createForExisting(db: Db, streams: readonly StreamOf[]): Promise<KeyLookup> {
      const rows = newKeys(streams).map(({ row }) => row);
      await db.$executeRawUnsafe(`${INSERT_KEYS} ON CONFLICT DO NOTHING`, JSON.stringify(rows));
      const found = await this.find(db, streams);
      if (found.size < streams.length) throw new Error('Could not store the data keys of an append');
      return found;
    },

    /** Drops every key this process holds unwrapped. */
    forgetAll: () => {
      unwrapped.clear();
      lastSeen.clear();
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
