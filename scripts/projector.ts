// `npm run projector`: keeps the async projections up to date, and sends the webhook outbox's
// deliveries, in a process of its own, through database restarts. The app server runs one too; with several running, one owns each projection
// and the others stand by. SIGINT or SIGTERM stops it after the batch in hand.
//   --batch-size N               events per transaction (default 2000)
//   --hold-before-commit-ms N    linger inside each batch's transaction (crash tests use it)
//   --poll-ms N, --retry-ms N    how often to look for events without a notification, and to reconnect
import { parseArgs } from 'node:util';
import { createDb } from '@/lib/db/client';
import { createSystem } from '@/lib/system';

const { values } = parseArgs({
  options: { 'batch-size': { type: 'string' }, 'hold-before-commit-ms': { type: 'string' }, 'poll-ms': { type: 'string' }, 'retry-ms': { type: 'string' } },
});
const connectionString = process.env.DATABASE_URL!;
const system = createSystem(createDb(connectionString, { poolSize: 4 }));
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => controller.abort());

console.log(`projector ${process.pid} started`);
await Promise.all([
  system.keepProjecting({
    connectionString,
    signal: controller.signal,
    batchSize: Number(values['batch-size'] ?? 2000),
    holdBeforeCommitMs: Number(values['hold-before-commit-ms'] ?? 0),
    pollMs: Number(values['poll-ms'] ?? 1000),
    retryMs: Number(values['retry-ms'] ?? 1000),
    log: (message) => console.log(`projector ${process.pid} ${message}`),
  }),
  system.keepDelivering({ connectionString, signal: controller.signal, log: (message) => console.log(`projector ${process.pid} webhooks: ${message}`) }),
]);
await system.db.$disconnect();
console.log(`projector ${process.pid} stopped`);
