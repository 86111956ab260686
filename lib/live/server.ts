import 'server-only';
// The hub of this server process, started with its first subscriber: one LISTEN session on the
// primary (DATABASE_URL; a standby cannot LISTEN, and the hub reads the log there too, so it never
// waits for replay). Stops when the process is told to stop, closing every stream first so Next's
// graceful shutdown does not wait on them.
import { setMaxListeners } from 'node:events';
import { databaseUrl } from '@/lib/db';
import { actorNames } from '@/lib/read/organisation/users';
import { system } from '@/lib/system/server';
import { createLiveHub, type LiveHub } from './hub';
import { keepListening } from './listen';
import { announcePresence, PRESENCE_CHANNEL } from './presence';

export const EVENTS_CHANNEL = 'leadstream_events';

type Live = { readonly hub: LiveHub; readonly stopping: AbortSignal };
const globalForLive = globalThis as unknown as { leadstreamLive?: Live };

export function live(): Live {
  if (!globalForLive.leadstreamLive) {
    const controller = new AbortController();
    // Every open stream listens for the stop (and lets go when it ends): one per agent's tab, so far more than Node's default of 10.
    setMaxListeners(0, controller.signal);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
    const { store } = system();
    const hub = createLiveHub(store, { namesOf: (tenantId) => actorNames(store.db, tenantId) });
    void keepListening({
      connectionString: databaseUrl(),
      channels: [EVENTS_CHANNEL, PRESENCE_CHANNEL],
      onWake: async (notifications) => {
        await announcePresence(hub, store.db, notifications);
        await hub.catchUp();
      },
      signal: controller.signal,
      applicationName: 'leadstream-live',
      log: (message) => console.log(`Live updates: ${message}`),
    });
    globalForLive.leadstreamLive = { hub, stopping: controller.signal };
  }
  return globalForLive.leadstreamLive;
}
