// What an erasure writes in the same statement as its event: the lead's key cleared for good (a row
// is kept, so later appends store `[erased]` rather than start a new key), its snapshot deleted (a
// snapshot holds the state in the clear), and, for events stored before sealing came in, each
// personal value rewritten to `[erased]` in place: the one rewrite of the log there is.
import type { Db } from '@/lib/db/client';
import type { EventRegistry, RowWrite } from '@/lib/event-store';
import { ENVELOPE_PREFIX, ERASED } from './cipher';
import { mapStrings, valuesAt } from './paths';

type RawEvent = { position: bigint; type: string; schema_version: number; data: unknown };

export async function erasureWrites(db: Db, registry: EventRegistry, tenantId: string, streamId: string): Promise<RowWrite[]> {
  const stream = [{ tenant_id: tenantId, stream_id: streamId }];
  const raw = await db.$queryRaw<RawEvent[]>`
    SELECT position, type, schema_version, data FROM events WHERE tenant_id = ${tenantId} AND stream_id = ${streamId} ORDER BY version`;
  const rewritten = raw.flatMap((event) => {
    const data = withoutPlaintext(registry, event);
    return data === event.data ? [] : [{ tenant_id: tenantId, position: event.position.toString(), data }];
  });
  return [
    {
      sql: `INSERT INTO stream_keys (tenant_id, stream_id, wrapped_key, erased_at)
            SELECT tenant_id, stream_id, NULL, now() FROM jsonb_to_recordset($1) AS k(tenant_id text, stream_id text)
            ON CONFLICT (tenant_id, stream_id) DO UPDATE SET wrapped_key = NULL, erased_at = now()`,
      rows: stream,
    },
    {
      sql: `DELETE FROM snapshots s USING jsonb_to_recordset($1) AS k(tenant_id text, stream_id text)
            WHERE s.tenant_id = k.tenant_id AND s.stream_id = k.stream_id`,
      rows: stream,
    },
    {
      sql: `UPDATE events e SET data = r.data FROM jsonb_to_recordset($1) AS r(tenant_id text, position bigint, data jsonb)
            WHERE e.position = r.position AND e.tenant_id = r.tenant_id`,
      rows: rewritten,
    },
  ].filter((write) => write.rows.length > 0);
}

/**
 * The stored data with every plaintext personal value replaced by `[erased]`, in the shape it was
 * stored in (the values are found in its latest shape, then replaced wherever they appear); the
 * data itself when it holds none (sealed, or no personal field).
 */
function withoutPlaintext(registry: EventRegistry, event: RawEvent): unknown {
  const paths = registry.personalPaths(event.type);
  if (paths.length === 0) return event.data;
  if (JSON.stringify(event.data).includes('"enc:v1:')) return event.data;
  const current = registry.decode(event.type, event.schema_version, event.data);
  const personal = new Set(valuesAt(current, paths).filter((value) => value !== ERASED && !value.startsWith(ENVELOPE_PREFIX)));
  if (personal.size === 0) return event.data;
  return mapStrings(event.data, (value) => (personal.has(value) ? ERASED : value));
}
