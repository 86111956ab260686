// A LISTEN session that survives the database: connects to the primary (a standby cannot LISTEN),
// listens on the given channels and calls `onWake` once connected (to catch up on what happened
// while it was away), after each notification and on a slow safety tick. A failure (a restart, a
// dropped connection, an error thrown by `onWake`) ends the session; it connects again after
// `retryMs`, logging once when it loses the database and once when it is back.
import pg from 'pg';

export type Notification = { readonly channel: string; readonly payload?: string };

export type ListenOptions = {
  readonly connectionString: string;
  readonly channels: readonly string[];
  /** Runs one at a time, with the notifications since the last call (none on a tick or a reconnect). */
  readonly onWake: (notifications: readonly Notification[]) => Promise<void>;
  readonly signal: AbortSignal;
  readonly applicationName: string;
  readonly pollMs?: number;
  readonly retryMs?: number;
  readonly log?: (message: string) => void;
};

/** Runs until the signal aborts; never rejects. */
export async function keepListening(options: ListenOptions): Promise<void> {
  const { signal, retryMs = 1000, log = () => {} } = options;
  let down = false;
  while (!signal.aborted) {
    try {
      await listenOnce(options, () => {
        if (down) log('reconnected to the database, catching up');
        down = false;
      });
    } catch (error) {
      if (!down) log(`lost the database (${error instanceof Error ? error.message : String(error)}): retrying every ${retryMs} ms`);
      down = true;
      await pause(retryMs, signal);
    }
  }
}

async function listenOnce(options: ListenOptions, connected: () => void): Promise<void> {
  const { connectionString, channels, onWake, signal, applicationName, pollMs = 5000 } = options;
  const session = new pg.Client({ connectionString, application_name: applicationName });
  let failure: Error | null = null;
  let notified: Notification[] = [];
  let wake: () => void = () => {};
  session.on('error', (error) => {
    failure = error;
    wake();
  });
  session.on('notification', ({ channel, payload }) => {
    notified.push({ channel, payload });
    wake();
  });
  try {
    await session.connect();
    for (const channel of channels) await session.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    connected();
    while (!signal.aborted) {
      if (failure) throw failure;
      const batch = notified;
      notified = [];
      await onWake(batch);
      if (notified.length > 0 || failure) continue;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, pollMs);
        wake = done;
        if (signal.aborted) return done();
        signal.addEventListener('abort', done, { once: true });
      });
    }
  } finally {
    await session.end().catch(() => {});
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
