// Keeps async projections up to date in a long-running process (the app server, or
// `npm run projector`). Several may run: a session advisory lock per projection makes one process
// its owner; the others wait and take over when the owner goes away. Appends wake the owner through
// LISTEN/NOTIFY; a poll covers lost notifications and a dropped connection.
import pg from 'pg';
import type { EventStore } from '@/lib/event-store';
import { runBatch, type BatchOptions } from './run-batch';
import type { AsyncProjection } from './types';

export type ProjectorOptions = BatchOptions & {
  readonly connectionString: string;
  readonly projections: readonly AsyncProjection[];
  readonly signal?: AbortSignal;
  readonly pollMs?: number;
  readonly log?: (message: string) => void;
};

export async function runProjector(store: EventStore, options: ProjectorOptions): Promise<void> {
  const { connectionString, projections, signal, pollMs = 1000, log = () => {} } = options;
  const session = new pg.Client({ connectionString, application_name: 'leadstream-projector' });
  await session.connect();
  let wake: () => void = () => {};
  session.on('notification', () => wake());
  await session.query('LISTEN leadstream_events');
  const owned = new Set<string>();
  try {
    while (!signal?.aborted) {
      for (const projection of projections) {
        if (!owned.has(projection.name) && (await tryOwn(session, projection.name))) {
          owned.add(projection.name);
          log(`owns projection ${projection.name}`);
        }
      }
      let applied = 0;
      for (const projection of projections.filter((p) => owned.has(p.name))) {
        applied += await runBatch(store, projection, options);
      }
      if (applied > 0) continue; // more may be waiting: no sleep between full batches
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, pollMs);
        wake = done;
        if (signal?.aborted) return done(); // aborted while the last batch ran
        signal?.addEventListener('abort', done, { once: true });
      });
    }
  } finally {
    await session.end().catch(() => {}); // ends the session: its ownership locks go with it
  }
}

async function tryOwn(session: pg.Client, name: string): Promise<boolean> {
  const { rows } = await session.query<{ owned: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS owned', [`leadstream:owner:${name}`]);
  return rows[0]!.owned;
}
