// The projector and the webhook deliverer inside the app server: started once per process, through
// database restarts (each reconnects by itself), until the process is told to stop.
import { createDb } from '@/lib/db/client';
import { createSystem } from '.';

const globalForProjector = globalThis as unknown as { leadstreamProjector?: AbortController };

export function startBackgroundProjector(): void {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString || globalForProjector.leadstreamProjector) return;
  const controller = new AbortController();
  globalForProjector.leadstreamProjector = controller;
  // Next finishes the requests in flight on these signals, then exits: the projector stops first.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  const system = createSystem(createDb(connectionString, { poolSize: 3 }));
  void system.keepProjecting({ connectionString, signal: controller.signal, log: (message) => console.log(`Projector: ${message}`) });
  void system.keepDelivering({ connectionString, signal: controller.signal, log: (message) => console.log(`Webhooks: ${message}`) });
}
