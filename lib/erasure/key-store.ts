// The keys table (stream_keys): one data key per stream that holds personal values, wrapped under
// the master key. A new stream's key is inserted by its first append, in the append's own statement;
// one query per later append or read finds the keys of the streams it touches. Unwrapped keys are
// kept per process by their wrapped form, so a key the table no longer holds (erased) is never
// found again, whatever the cache holds.
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
  const remember = (cacheKey: string, key: Buffer) => {
    if (unwrapped.size >= CACHE_LIMIT) unwrapped.clear();
    unwrapped.set(cacheKey, key);
  };

  function keyOf(row: KeyRow): Buffer | 'erased' {
    if (!row.wrapped_key) return 'erased';
    const wrapped = Buffer.from(row.wrapped_key);
    const cacheKey = wrapped.toString('base64');
    let key = unwrapped.get(cacheKey);
    if (!key) remember(cacheKey, (key = unwrapKey(master(), wrapped, ownerOf(row.tenant_id, row.stream_id))));
    return key;
  }

  /** New keys for `streams`, wrapped, and remembered unwrapped. */
  function newKeys(streams: readonly StreamOf[]) {
    return streams.map((s) => {
      const key = newDataKey();
      const wrapped = wrapKey(master(), key, ownerOf(s.tenantId, s.streamId)).toString('base64');
      remember(wrapped, key);
      return { stream: s, key, row: { tenant_id: s.tenantId, stream_id: s.streamId, wrapped } };
    });
  }

  const toLookup = (rows: readonly KeyRow[]): KeyLookup => new Map(rows.map((row) => [streamKeyOf(row.tenant_id, row.stream_id), keyOf(row)]));

  return {
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
    forgetAll: () => unwrapped.clear(),
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
