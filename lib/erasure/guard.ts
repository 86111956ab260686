// The store's guard of personal values (lib/event-store/context.ts): at append, each value at the
// registry's personal paths is sealed with its stream's key (or stored as `[erased]` once the
// stream's data is erased); at read, every envelope is opened, or read as `[erased]` when the key
// is gone. Values stored before encryption came in are plaintext and read as they are.
import type { Db } from '@/lib/db/client';
import type { EventRegistry, PersonalDataGuard, StoredRow, Tx, VersionedEvent } from '@/lib/event-store';
import { decryptValue, encryptValue, ERASED, isEnvelope } from './cipher';
import type { KeyLookup, KeyStore, StreamOf } from './key-store';
import { streamKeyOf } from './key-store';
import { mapPaths, mapStrings, valuesAt } from './paths';

export function createPersonalDataGuard(keys: KeyStore): PersonalDataGuard {
  return {
    async seal(db: Db, registry: EventRegistry, events: readonly VersionedEvent[]) {
      const personal = events.map((event) => {
        const paths = registry.personalPaths(event.type);
        return paths.length > 0 && valuesAt(event.data, paths).length > 0 ? paths : null;
      });
      const streams = distinct(events.filter((_, i) => personal[i]));
      if (streams.length === 0) return { data: events.map((event) => event.data), writes: [] };
      // A stream whose first event is in this append is new: its key is stored with its events.
      const isNew = new Set(events.filter((event) => event.version === 1).map((event) => streamKeyOf(event.tenantId, event.streamId)));
      const created = keys.create(streams.filter((s) => isNew.has(streamKeyOf(s.tenantId, s.streamId))));
      const existing = streams.filter((s) => !isNew.has(streamKeyOf(s.tenantId, s.streamId)));
      // A command's load has just seen its stream's key (key-store.ts says why that is enough for sealing).
      const known: KeyLookup = new Map(existing.flatMap((s) => {
        const key = keys.lastSeen(s);
        return key ? [[streamKeyOf(s.tenantId, s.streamId), key] as const] : [];
      }));
      const found = new Map([...known, ...await keys.find(db, existing.filter((s) => !known.has(streamKeyOf(s.tenantId, s.streamId))))]);
      const keyless = existing.filter((s) => !found.has(streamKeyOf(s.tenantId, s.streamId)));
      const all = new Map([...created.keys, ...found, ...(keyless.length > 0 ? await keys.createForExisting(db, keyless) : [])]);
      const data = events.map((event, i) => {
        const paths = personal[i];
        if (!paths) return event.data;
        const key = all.get(streamKeyOf(event.tenantId, event.streamId))!;
        return mapPaths(event.data, paths, (value) => (key === 'erased' ? ERASED : encryptValue(key, value, event.streamId)));
      });
      return { data, writes: created.write.rows.length > 0 ? [created.write] : [] };
    },

    keySql: keys.keySql,

    async open<Row extends StoredRow>(reader: Db | Tx, rows: readonly Row[]): Promise<Row[]> {
      const carried = carriedKeys(keys, rows);
      const sealed = rows.filter((row) => holdsEnvelope(row.data));
      if (sealed.length === 0) return [...rows];
      const unknown = distinct(sealed.map((row) => ({ tenantId: row.tenant_id, streamId: row.stream_id }))).filter((s) => !carried.has(streamKeyOf(s.tenantId, s.streamId)));
      const found = new Map([...carried, ...await keys.find(reader, unknown)]);
      return rows.map((row) => (holdsEnvelope(row.data) ? { ...row, data: opened(row, found) } : row));
    },
  };
}

/** The keys rows carry from their own read (`stream_key`, see KeyStore.keySql): streams without one absent. */
function carriedKeys(keys: KeyStore, rows: readonly StoredRow[]): Map<string, Buffer | 'erased' | undefined> {
  const carried = new Map<string, Buffer | 'erased' | undefined>();
  for (const row of rows) {
    const id = streamKeyOf(row.tenant_id, row.stream_id);
    if (row.stream_key !== undefined && !carried.has(id)) carried.set(id, keys.carried(row.tenant_id, row.stream_id, row.stream_key));
  }
  return carried;
}

function opened(row: StoredRow, found: ReadonlyMap<string, Buffer | 'erased' | undefined>): unknown {
  const key = found.get(streamKeyOf(row.tenant_id, row.stream_id));
  return mapStrings(row.data, (value) => {
    if (!isEnvelope(value)) return value;
    return key === undefined || key === 'erased' ? ERASED : decryptValue(key, value, row.stream_id);
  });
}

/** Whether any string in the data is an envelope (a cheap look at its JSON text first). */
function holdsEnvelope(data: unknown): boolean {
  if (data === null || typeof data !== 'object') return isEnvelope(data);
  return JSON.stringify(data).includes('"enc:v1:');
}

function distinct(streams: readonly StreamOf[]): StreamOf[] {
  const seen = new Map<string, StreamOf>();
  for (const stream of streams) seen.set(streamKeyOf(stream.tenantId, stream.streamId), { tenantId: stream.tenantId, streamId: stream.streamId });
  return [...seen.values()];
}
