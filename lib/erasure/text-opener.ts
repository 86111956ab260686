// Personal values in event data read as JSON text outside the store (the export's cursor): opened
// a fetch at a time, each stream's key looked up once for the whole run, and only the rows that
// hold an envelope parsed at all.
import type { Db } from '@/lib/db/client';
import { decryptValue, ERASED, isEnvelope } from './cipher';
import type { KeyStore } from './key-store';
import { streamKeyOf } from './key-store';
import { mapStrings } from './paths';

export type SealedText = { readonly streamId: string; readonly data: string };

/** For one run over one tenant's events: the data texts with their envelopes opened (or `[erased]`). */
export function createTextOpener(keys: KeyStore, reader: Db, tenantId: string) {
  const known = new Map<string, Buffer | 'erased'>();
  return async (items: readonly SealedText[]): Promise<string[]> => {
    const sealed = items.filter((item) => item.data.includes('"enc:v1:'));
    if (sealed.length === 0) return items.map((item) => item.data);
    const unknown = [...new Set(sealed.map((item) => item.streamId).filter((streamId) => !known.has(streamId)))];
    const found = await keys.find(reader, unknown.map((streamId) => ({ tenantId, streamId })));
    for (const streamId of unknown) known.set(streamId, found.get(streamKeyOf(tenantId, streamId)) ?? 'erased');
    return items.map(({ streamId, data }) => {
      if (!data.includes('"enc:v1:')) return data;
      const key = known.get(streamId)!;
      return JSON.stringify(mapStrings(JSON.parse(data), (value) => {
        if (!isEnvelope(value)) return value;
        return key === 'erased' ? ERASED : decryptValue(key, value, streamId);
      }));
    });
  };
}
