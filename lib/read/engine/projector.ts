// Keeps async projections up to date in a long-running process (the app server, or
// `npm run projector`). Several may run: a session advisory lock per projection makes one process
// its owner; the others wait and take over when the owner goes away. Appends wake the owner through
// LISTEN/NOTIFY; a poll covers lost notifications.
//
// A database restart cuts every connection: `runProjector` then fails (its LISTEN session reports
// the error instead of throwing it at the process), and `keepProjecting` starts it again, so the
// projector reconnects and catches up by itself once the database answers.
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

/** Runs until the signal aborts; rejects when the database connection fails. */
export async function runProjector(store: EventStore, options: ProjectorOptions): Promise<void> {
  const { connectionString, projections, signal, pollMs = 1000, log = () => {} } = options;
  const session = new pg.Client({ connectionString, application_name: 'leadstream-projector' });
  let failure: Error | null = null;
  let wake: () => void = () => {};
  session.on('error', (error) => {
    failure = error;
    wake();
  });
  session.on('notification', () => wake());
  const owned = new Set<string>();
  try {
    await session.connect();
    await session.query('LISTEN leadstream_events');
    while (!signal?.aborted) {
      if (failure) throw failure;
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
      // Aborted or failed while the last batch ran: no pause.
      await pause(pollMs, signal, (done) => (wake = done), () => failure !== null);
    }
  } finally {
    await session.end().catch(() => {}); // ends the session: its ownership locks go with it
  }
}

export type KeepProjectingOptions = ProjectorOptions & {
  /** Pause before connecting again after a failure (ms). */
  readonly retryMs?: number;
};

/**
 * Runs the projector until the signal aborts, starting it again after any failure (a database
 * restart, a dropped connection): never rejects. Logs once when it loses the database and once
 * when it is back.
 */
export async function keepProjecting(store: EventStore, options: KeepProjectingOptions): Promise<void> {
  const { signal, retryMs = 1000, log = () => {} } = options;
  let down = false;
  while (!signal?.aborted) {
    try {
      await runProjector(store, {
        ...options,
        log: (message) => {
          if (down) log('reconnected to the database, catching up');
          down = false;
          log(message);
        },
      });
    } catch (error) {
      if (!down) log(`lost the database (${error instanceof Error ? error.message : String(error)}): retrying every ${retryMs} ms`);
      down = true;
      await sleep(retryMs, signal);
    }
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/**
 * Waits up to `pollMs`, ending early when the signal aborts or the function handed to `onWake` is
 * called (a notification, a failure); at once when `stopNow` holds already.
 */
export function pause(pollMs: number, signal: AbortSignal | undefined, onWake: (wake: () => void) => void, stopNow: () => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, pollMs);
    onWake(done);
    if (signal?.aborted || stopNow()) return done();
    signal?.addEventListener('abort', done, { once: true });
  });
}

async function tryOwn(session: pg.Client, name: string): Promise<boolean> {
  const { rows } = await session.query<{ owned: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS owned', [`leadstream:owner:${name}`]);
  return rows[0]!.owned;
}
