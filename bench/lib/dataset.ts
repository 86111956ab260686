// The read-side dataset: valid lead streams of known lengths to load, inside an events table topped
// up to ~1M rows. Written with set-based SQL, and kept between runs (the bench database persists),
// so only the first run pays for it.
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { EventStore } from '@/lib/event-store';
import { leadAggregate } from '@/lib/leads';

export const TARGET_EVENTS = 1_000_000;
export const STREAM_SIZES = [10, 100, 1000] as const;
export const STREAMS_PER_SIZE = 20;
/** Snapshots sit this many events behind the head: the average tail under snapshotEvery = 100. */
export const SNAPSHOT_TAIL = 50;

// Bump the suffix when the generator changes, so stale rows from older runs are not reused.
const LOAD_TENANT = 'bench-load-v1';
const FILL_TENANT = 'bench-fill-v1';
const FILL_STREAM_LENGTH = 50;
const FILL_STREAMS_PER_BATCH = 1000;

export const loadTenant = LOAD_TENANT;

/** A stable UUID-shaped id, so every run finds the same measured streams. */
function stableUuid(seed: string): string {
  const h = createHash('md5').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const measuredStreamIds = (size: number) => Array.from({ length: STREAMS_PER_SIZE }, (_, i) => stableUuid(`${LOAD_TENANT}/${size}/${i}`));

// One row per (stream, version): LeadRegistered (schema 2) first, then mostly notes, a rename every
// 10th event and a call outcome every 7th. Ordered by version, then stream, so a stream's events
// are spread over the heap as interleaved real-world appends would leave them.
const INSERT_STREAM_EVENTS = `
  INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
  SELECT $1, s.id, 'lead', v.n, e.type, CASE WHEN v.n = 1 THEN 2 ELSE 1 END,
    CASE e.type
      WHEN 'LeadRegistered' THEN jsonb_build_object('leadId', s.id, 'name', 'Lead ' || s.ord, 'source', 'import',
        'phones', jsonb_build_array(jsonb_build_object('e164', '+442079460018', 'raw', '020 7946 0018')),
        'emails', '[]'::jsonb, 'ownerId', NULL)
      WHEN 'NameChanged' THEN jsonb_build_object('name', 'Lead ' || s.ord || ' rev ' || v.n,
        'previousName', CASE WHEN v.n = 10 THEN 'Lead ' || s.ord ELSE 'Lead ' || s.ord || ' rev ' || (v.n - 10) END)
      WHEN 'CallOutcomeRecorded' THEN jsonb_build_object('outcome', (ARRAY['no-answer', 'voicemail', 'busy', 'interested'])[1 + v.n % 4], 'notes', NULL)
      ELSE jsonb_build_object('noteId', e.note_id, 'text', 'Note ' || v.n || ': ' || repeat('called back, discussed the quote; ', 1 + v.n % 4))
    END,
    jsonb_build_object('commandId', e.command_id, 'correlationId', e.command_id, 'causationId', e.command_id, 'actor', 'bench-user'),
    now() - interval '90 days' + v.n * interval '1 minute'
  FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS s(id, len, ord)
  CROSS JOIN LATERAL generate_series(1, s.len) AS v(n)
  CROSS JOIN LATERAL (
    SELECT gen_random_uuid()::text AS note_id, gen_random_uuid()::text AS command_id,
      CASE WHEN v.n = 1 THEN 'LeadRegistered' WHEN v.n % 10 = 0 THEN 'NameChanged'
           WHEN v.n % 7 = 0 THEN 'CallOutcomeRecorded' ELSE 'NoteAdded' END AS type
  ) AS e
  ORDER BY v.n, s.ord`;

const INSERT_STREAM_ROWS = `
  INSERT INTO streams (tenant_id, stream_id, stream_type, version)
  SELECT $1, s.id, 'lead', s.len FROM unnest($2::text[], $3::int[]) AS s(id, len)`;

/** Writes whole lead streams (events plus their streams rows) in one transaction. */
async function insertLeadStreams(pool: pg.Pool, tenantId: string, streamIds: string[], lengths: number[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(INSERT_STREAM_EVENTS, [tenantId, streamIds, lengths]);
    await client.query(INSERT_STREAM_ROWS, [tenantId, streamIds, lengths]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Creates the measured streams unless every one already exists at its expected version. */
export async function ensureMeasuredStreams(pool: pg.Pool): Promise<boolean> {
  const wanted = new Map(STREAM_SIZES.flatMap((size) => measuredStreamIds(size).map((id) => [id, size] as const)));
  const { rows } = await pool.query<{ stream_id: string; version: number }>('SELECT stream_id, version FROM streams WHERE tenant_id = $1', [LOAD_TENANT]);
  if (rows.length === wanted.size && rows.every((row) => wanted.get(row.stream_id) === row.version)) return false;

  for (const table of ['events', 'streams', 'snapshots']) await pool.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [LOAD_TENANT]);
  await insertLeadStreams(pool, LOAD_TENANT, [...wanted.keys()], [...wanted.values()]);
  return true;
}

/** Adds filler lead streams until the events table holds TARGET_EVENTS rows; returns rows added. */
export async function topUpEvents(pool: pg.Pool, log: (line: string) => void): Promise<number> {
  let count = await countEvents(pool);
  const start = count;
  while (count < TARGET_EVENTS) {
    const streams = Math.min(FILL_STREAMS_PER_BATCH, Math.ceil((TARGET_EVENTS - count) / FILL_STREAM_LENGTH));
    const ids = Array.from({ length: streams }, () => randomUUID());
    await insertLeadStreams(pool, FILL_TENANT, ids, ids.map(() => FILL_STREAM_LENGTH));
    count += streams * FILL_STREAM_LENGTH;
    log(`  filled ${count.toLocaleString('en')} / ${TARGET_EVENTS.toLocaleString('en')} events`);
  }
  return count - start;
}

export async function countEvents(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return rows[0]!.n;
}

/**
 * Saves, for the streams of 100+ events, the snapshot the handler would hold mid-way between two
 * saves: SNAPSHOT_TAIL events behind the head. Idempotent (an equal snapshot is left as it is).
 */
export async function ensureSnapshots(store: EventStore): Promise<void> {
  for (const size of STREAM_SIZES.filter((n) => n >= 100)) {
    for (const streamId of measuredStreamIds(size)) {
      const at = await store.stateAt(LOAD_TENANT, streamId, leadAggregate.decider, { toVersion: size - SNAPSHOT_TAIL });
      await store.saveSnapshot(LOAD_TENANT, streamId, leadAggregate.snapshots.shape, { version: at.version, state: at.state });
    }
  }
}
