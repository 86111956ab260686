// What an erasure writes in the same statement as its event: the lead's key cleared for good (a row
// is kept, so later appends store `[erased]` rather than start a new key), its snapshot deleted (a
// snapshot holds the state in the clear), and, for events stored before sealing came in, each
// personal value rewritten to `[erased]` in place. A number of the person's on the do-not-call list
// is kept there as its hash (number-hash.ts). These are the only rewrites of the log there are.
import type { EventRegistry, EventStore, RowWrite } from '@/lib/event-store';
import { dncStreamId } from '@/lib/do-not-call/do-not-call';
import { ENVELOPE_PREFIX, ERASED } from './cipher';
import { hashedNumber } from './number-hash';
import { mapStrings, valuesAt } from './paths';

type RawEvent = { position: bigint; type: string; schema_version: number; data: unknown };

export async function erasureWrites(store: EventStore, tenantId: string, streamId: string): Promise<RowWrite[]> {
  const { db, registry } = store;
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
    ...(await blockedNumberWrites(store, tenantId, streamId)),
  ].filter((write) => write.rows.length > 0);
}

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * Each number the person gave that is on the do-not-call list, kept there as its hash: its stream
 * renamed (`dnc:<hash>`), the number in its events, its command results and its row replaced. A
 * number whose hash is already on the list (blocked again after an earlier erasure) is left as it is.
 */
async function blockedNumberWrites(store: EventStore, tenantId: string, streamId: string): Promise<RowWrite[]> {
  const events = await store.readStream(tenantId, streamId);
  const numbers = new Set(events.flatMap((event) => valuesAt(event.data, store.registry.personalPaths(event.type)).filter((value) => E164.test(value))));
  if (numbers.size === 0) return [];
  const candidates = [...numbers].map((phone) => ({ phone, oldId: dncStreamId(phone), hashed: hashedNumber(tenantId, phone) }));
  const existing = await store.db.$queryRaw<{ stream_id: string }[]>`
    SELECT stream_id FROM streams WHERE tenant_id = ${tenantId} AND stream_id = ANY(${[...candidates.map((c) => c.oldId), ...candidates.map((c) => dncStreamId(c.hashed))]}::text[])`;
  const ids = new Set(existing.map((row) => row.stream_id));
  const rows = candidates
    .filter((c) => ids.has(c.oldId) && !ids.has(dncStreamId(c.hashed)))
    .map((c) => ({ tenant_id: tenantId, phone: c.phone, old_id: c.oldId, hashed: c.hashed, hashed_id: dncStreamId(c.hashed) }));
  const renamed = 'jsonb_to_recordset($1) AS r(tenant_id text, phone text, old_id text, hashed text, hashed_id text)';
  return [
    { sql: `UPDATE streams s SET stream_id = r.hashed_id FROM ${renamed} WHERE s.tenant_id = r.tenant_id AND s.stream_id = r.old_id`, rows },
    {
      sql: `UPDATE events e SET stream_id = r.hashed_id, data = jsonb_set(e.data, '{phone}', to_jsonb(r.hashed))
            FROM ${renamed} WHERE e.tenant_id = r.tenant_id AND e.stream_id = r.old_id`,
      rows,
    },
    { sql: `DELETE FROM snapshots s USING ${renamed} WHERE s.tenant_id = r.tenant_id AND s.stream_id = r.old_id`, rows },
    {
      sql: `UPDATE processed_commands p SET stream_id = r.hashed_id,
              result = CASE WHEN p.result ? 'streamId' THEN jsonb_set(p.result, '{streamId}', to_jsonb(r.hashed_id)) ELSE p.result END
            FROM ${renamed} WHERE p.tenant_id = r.tenant_id AND p.stream_id = r.old_id`,
      rows,
    },
    { sql: `UPDATE do_not_call d SET phone = r.hashed FROM ${renamed} WHERE d.tenant_id = r.tenant_id AND d.phone = r.phone`, rows },
  ];
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
