// Sends the outbox's deliveries, in a long-running process beside the async projectors (the app
// server, or `npm run projector`). One process owns the deliverer at a time (a session advisory
// lock, as each projection has its owner): it runs the outbox projection, then sends each enabled
// endpoint's deliveries in log order, one at a time per endpoint, so a lead's changes arrive in the
// order they happened and a failing one holds back only its own endpoint. Endpoints are served side
// by side: a slow or dead one never delays another, and commands never wait for any of them.
// A failed delivery is tried again on the retry schedule (lib/webhooks/retry.ts); an endpoint whose
// oldest undelivered change has failed for a day is disabled. Stopped (or crashed) mid-send, the
// delivery is sent again by the next owner: at least once, never out of order.
import pg from 'pg';
import type { EventStore } from '@/lib/event-store';
import { IllegalStateError } from '@/lib/errors';
import { pause } from '@/lib/read/engine/projector';
import { catchUp } from '@/lib/read/engine/run-batch';
import { webhookOutboxProjection } from './outbox';
import { heads, isDue, pruneDelivered, recordAttempt, type Head } from './outbox-store';
import { retryDelayMs, shouldDisable } from './retry';
import { send, SEND_TIMEOUT_MS } from './send';
import { disableFailingEndpoint } from './service';

export type DelivererOptions = {
  readonly connectionString: string;
  readonly signal?: AbortSignal;
  /** The time attempts are made at (tests move it). */
  readonly now?: () => Date;
  /** In [0, 1): the jitter of the retry schedule. */
  readonly random?: () => number;
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  readonly log?: (message: string) => void;
};

const OWNER_KEY = 'leadstream:owner:webhook-deliverer';
const PRUNE_EVERY_MS = 60_000;

/** Runs until the signal aborts; rejects when its database session fails. */
export async function runDeliverer(store: EventStore, options: DelivererOptions): Promise<void> {
  const { connectionString, signal, pollMs = 500, log = () => {} } = options;
  const session = new pg.Client({ connectionString, application_name: 'leadstream-webhooks' });
  let failure: Error | null = null;
  let wake = () => {};
  session.on('error', (error) => {
    failure = error;
    wake();
  });
  session.on('notification', () => wake());
  const stopping = new AbortController();
  const inFlight = new Map<string, Promise<void>>();
  let prunedAt = 0;
  try {
    await session.connect();
    await session.query('LISTEN leadstream_events');
    let owner = false;
    while (!signal?.aborted) {
      if (failure) throw failure;
      if (!owner && (owner = await tryOwn(session))) log('owns the webhook deliverer');
      if (owner) {
        await catchUp(store, webhookOutboxProjection, { batchSize: 500 });
        const now = (options.now ?? (() => new Date()))();
        if (now.getTime() - prunedAt >= PRUNE_EVERY_MS) {
          await pruneDelivered(store.db, now);
          prunedAt = now.getTime();
        }
        for (const head of await heads(store.db)) {
          const key = `${head.tenantId}\u0000${head.endpointId}`;
          if (inFlight.has(key) || !isDue(head, now)) continue;
          inFlight.set(key, drain(store, head, options, stopping.signal).catch((error) => log(`endpoint ${head.endpointId}: ${String(error)}`)).finally(() => inFlight.delete(key)));
        }
      }
      await pause(pollMs, signal, (done) => (wake = done), () => failure !== null);
    }
  } finally {
    stopping.abort();
    await Promise.allSettled(inFlight.values());
    await session.end().catch(() => {}); // its ownership lock goes with it
  }
}

/** Sends one endpoint's due deliveries in order until one fails, none is due, or the deliverer stops. */
async function drain(store: EventStore, first: Head, options: DelivererOptions, stopping: AbortSignal): Promise<void> {
  const { now = () => new Date(), random = Math.random, timeoutMs = SEND_TIMEOUT_MS } = options;
  let head: Head | undefined = first;
  while (head && isDue(head, now()) && !stopping.aborted) {
    const attempt = await send(store, head, now(), { timeoutMs, signal: stopping });
    if (stopping.aborted) return; // cut short by the stop, not by the receiver: sent again by the next owner
    const next = new Date(attempt.at.getTime() + retryDelayMs(head.attempts + 1, random()));
    const failingSince = await recordAttempt(store.db, head, attempt, next);
    if (!attempt.ok) {
      if (shouldDisable(failingSince, attempt.at)) await disable(store, head, failingSince!, attempt.at);
      return;
    }
    [head] = await heads(store.db, { tenantId: head.tenantId, endpointId: head.endpointId });
  }
}

async function disable(store: EventStore, head: Head, failingSince: Date, now: Date) {
  try {
    await disableFailingEndpoint(store, head.tenantId, head.endpointId, failingSince, { now });
  } catch (error) {
    if (!(error instanceof IllegalStateError)) throw error; // an admin disabled it meanwhile
  }
}

/** Runs the deliverer until the signal aborts, starting it again after any failure: never rejects. */
export async function keepDelivering(store: EventStore, options: DelivererOptions & { retryMs?: number }): Promise<void> {
  const { signal, retryMs = 1000, log = () => {} } = options;
  while (!signal?.aborted) {
    try {
      await runDeliverer(store, options);
    } catch (error) {
      log(`lost the database (${error instanceof Error ? error.message : String(error)}): retrying in ${retryMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}

async function tryOwn(session: pg.Client): Promise<boolean> {
  const { rows } = await session.query<{ owned: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS owned', [OWNER_KEY]);
  return rows[0]!.owned;
}
