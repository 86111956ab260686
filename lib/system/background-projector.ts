// The projector inside the app server: started once per process, restarted after an error (a
// dropped connection, a database restart) after a pause; it ends with the process.
import { createDb } from '@/lib/db/client';
import { createSystem } from '.';

const globalForProjector = globalThis as unknown as { leadstreamProjector?: AbortController };

export function startBackgroundProjector(): void {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString || globalForProjector.leadstreamProjector) return;
  const controller = new AbortController();
  globalForProjector.leadstreamProjector = controller;
  const system = createSystem(createDb(connectionString, { poolSize: 3 }));
  const loop = async () => {
    while (!controller.signal.aborted) {
      try {
        await system.runProjector({ connectionString, signal: controller.signal });
      } catch (error) {
        console.error('Projector stopped, restarting in 5 s:', error);
        await new Promise((resolve) => setTimeout(resolve, 5000));
      }
    }
  };
  void loop();
}
