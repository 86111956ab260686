// Demo data benchmark: the first `npm start`'s seeding of 2,000 demo leads into a fresh database
// (every command decided by the same code as the app's, the leads appended 250 per statement), next
// to the same leads' commands carried out one at a time through the command handler, as they were
// before, measured in the same run on the same server.
//   npm run bench:demo
// Progress goes to stderr; stdout gets the table and, last, one JSON line with every figure.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createDb } from '@/lib/db/client';
import { demoLeadHistory, uuidFrom } from '@/lib/demo/demo-leads';
import { DEMO_AGENTS } from '@/lib/demo/demo-tenant';
import { seededRandom } from '@/lib/demo/random';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createSystem } from '@/lib/system';
import { ensureDatabase, migrate, openDatabaseServer } from '../scripts/lib/database';
import { table } from './lib/report';
import { round } from './lib/stats';

const LEADS = 2_000;
const BASELINE_LEADS = 300;
const log = (line: string) => console.error(line);

const server = await openDatabaseServer();
try {
  const url = await ensureDatabase(server, 'leadstream_bench_demo', { fresh: true });
  migrate(url);
  const db = createDb(url, { statementTimeoutMs: 0 });

  log(`Seeding ${LEADS.toLocaleString('en')} demo leads into a fresh database ...`);
  let started = performance.now();
  await seedDemo(db, { leads: LEADS });
  const seeded = { leads: LEADS, seconds: round((performance.now() - started) / 1000, 2), events: await db.event.count() };

  log(`The first ${BASELINE_LEADS} demo leads' commands one at a time ...`);
  const system = createSystem(db);
  const tenantId = `bench-demo-${randomUUID()}`;
  const random = seededRandom(1);
  const now = new Date();
  started = performance.now();
  let commands = 0;
  for (let index = 0; index < BASELINE_LEADS; index++) {
    for (const command of demoLeadHistory(1, index, uuidFrom(random), DEMO_AGENTS, now)) {
      await executeLeadCommand(system.store, { tenantId, actorId: command.actorId, region: 'GB', now: command.at, dialing: system.dialing }, command.input);
      commands++;
    }
  }
  const perLead = (performance.now() - started) / 1000 / BASELINE_LEADS;
  const oneByOne = { leads: BASELINE_LEADS, commands, seconds: round(perLead * BASELINE_LEADS, 2), projectedSeconds: round(perLead * LEADS, 1) };
  await db.$disconnect();

  console.log(
    table(
      `Demo data: ${LEADS.toLocaleString('en')} leads with their histories (${seeded.events.toLocaleString('en')} events with the second tenant's)\n` +
        `baseline = the same kind of histories, one command at a time through the handler, timed over ${BASELINE_LEADS} leads and projected to ${LEADS.toLocaleString('en')}`,
      ['path', 'leads', 'seconds', `seconds for ${LEADS.toLocaleString('en')}`],
      [
        ['one command at a time', oneByOne.leads, oneByOne.seconds, oneByOne.projectedSeconds],
        ['seedDemo (bulk appends)', seeded.leads, seeded.seconds, seeded.seconds],
      ],
    ),
  );
  console.log(JSON.stringify({ bench: 'demo', at: new Date().toISOString(), seeded, oneByOne, speedup: round(oneByOne.projectedSeconds / seeded.seconds, 1) }));
} finally {
  await server.stop();
}
