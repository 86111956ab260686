// Whole-app load test against the production build: simulated agents search, open lead pages and
// record calls and notes through the command API (as their dialer does), while a BI tool streams the
// audit log export the whole time. Per endpoint: requests/s and p50/p95/p99 under load, next to the
// same endpoint measured alone (one connection) in the same run, and every response that was not a
// success. Afterwards every acknowledged command is checked in the log: its event present exactly
// once, and every lead's versions contiguous.
//   npm run bench:load [-- --agents 50 --seconds 60 --leads 5000 --no-build]
// Progress goes to stderr; stdout gets a table and, last, one JSON line with every figure.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon, { type Client, type Request } from 'autocannon';
import { createDb } from '@/lib/db/client';
import { createLoadTenant, logIn, startServer } from './lib/load-setup';
import { table } from './lib/report';
import { round, summarise } from './lib/stats';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '50' }, seconds: { type: 'string', default: '60' }, leads: { type: 'string', default: '5000' },
    port: { type: 'string', default: '3300' }, 'no-build': { type: 'boolean', default: false },
  },
});
const AGENTS = Number(values.agents);
const SECONDS = Number(values.seconds);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:load`');
const base = `http://127.0.0.1:${values.port}`;
const log = (line: string) => console.error(line);
const db = createDb(url, { poolSize: 4, statementTimeoutMs: 0 });

log(`Load test: ${AGENTS} agents for ${SECONDS} s, ${values.leads} leads, one BI export running throughout`);
const world = await createLoadTenant(db, { leads: Number(values.leads), agents: AGENTS }, log);
if (!values['no-build']) {
  log('  building the app (next build) ...');
  if (spawnSync('next', ['build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }).status !== 0) throw new Error('next build failed');
}
// Limits sized for this test: every agent logs in from one address, and one dialer token carries them all.
const server = await startServer(url, Number(values.port), { LEADSTREAM_LOGIN_ATTEMPTS: '100000', LEADSTREAM_COMMANDS_PER_MINUTE: '1000000', LEADSTREAM_EXPORTS_PER_MINUTE: '100000' });
const cookies = await logIn(base, world.agentEmails);
const pick = <T,>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
const FRAGMENTS = ['Ana', 'okafor', 'Elena Ng', '07911 1', '7911 10', 'lead12', '@load.example', 'Rossi 3', 'Silva', '0791110'];

type Acknowledged = { commandId: string; leadId: string; version: number };
const acknowledged: Acknowledged[] = [];

/** One kind of request an agent makes, as autocannon sends it. */
const ENDPOINTS: Record<string, { share: number; request: () => Request; session: boolean }> = {
  'GET /api/search': { share: 0.4, session: true, request: () => ({ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/search?q=${encodeURIComponent(pick(FRAGMENTS))}` }) }) },
  'GET /leads/[id]': { share: 0.3, session: true, request: () => ({ method: 'GET', setupRequest: (req) => ({ ...req, path: `/leads/${pick(world.leadIds)}` }) }) },
  'POST /api/commands': {
    share: 0.3, session: false,
    request: () => ({
      method: 'POST', path: '/api/commands',
      setupRequest: (req, context) => {
        const commandId = randomUUID();
        const leadId = pick(world.leadIds);
        Object.assign(context, { commandId, leadId });
        const command = Math.random() < 0.5
          ? { type: 'RecordCallOutcome', leadId, data: { outcome: pick(['no-answer', 'voicemail', 'busy']) } }
          : { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: 'Called from the load test' } };
        return { ...req, headers: { ...req.headers, 'Content-Type': 'application/json', Authorization: `Bearer ${world.commandsToken}`, 'Idempotency-Key': commandId }, body: JSON.stringify(command) };
      },
      onResponse: (status, body, context) => {
        const { commandId, leadId } = context as { commandId: string; leadId: string };
        if (status === 200) acknowledged.push({ commandId, leadId, version: (JSON.parse(body) as { version: number }).version });
      },
    }),
  },
};

type Measured = { requests: number; perSecond: number; p50: number; p95: number; p99: number; failures: Record<string, number> };

function run(name: string, connections: number, seconds: number): Promise<Measured> {
  const endpoint = ENDPOINTS[name]!;
  const times: number[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: base, connections, duration: seconds, timeout: 30, requests: [endpoint.request()],
      // Each connection is one agent, with that agent's own session.
      setupClient: (client: Client) => endpoint.session && client.setHeaders({ cookie: cookies[next++ % cookies.length]! }),
    }, (error, result) => {
      if (error) return reject(error);
      const latency = summarise(times);
      if (result.errors > 0) failures[`connection errors (${result.timeouts} timeouts)`] = result.errors;
      resolve({ requests: times.length, perSecond: times.length / result.duration, p50: latency.p50, p95: latency.p95, p99: latency.p99, failures });
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status >= 400) failures[String(status)] = (failures[String(status)] ?? 0) + 1;
    });
  });
}

/** The BI tool: fetches the whole export again and again until the load ends. */
async function exportLoop(until: number) {
  const runs: { rows: number; seconds: number; status: number }[] = [];
  while (Date.now() < until) {
    const started = Date.now();
    const answer = await fetch(`${base}/api/export?format=csv`, { headers: { Authorization: `Bearer ${world.exportToken}` } });
    const text = answer.ok ? await answer.text() : '';
    runs.push({ rows: Math.max(0, text.split('\r\n').length - 2), seconds: (Date.now() - started) / 1000, status: answer.status });
  }
  return runs;
}

try {
  log('  alone: each endpoint with one connection for 10 s ...');
  const alone: Record<string, Measured> = {};
  for (const name of Object.keys(ENDPOINTS)) alone[name] = await run(name, 1, 10);
  acknowledged.length = 0; // the load phase's commands are the ones checked below

  log(`  under load: ${AGENTS} agents for ${SECONDS} s ...`);
  const exporting = exportLoop(Date.now() + SECONDS * 1000);
  const names = Object.keys(ENDPOINTS);
  const loaded = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await run(name, Math.max(1, Math.round(AGENTS * ENDPOINTS[name]!.share)), SECONDS)] as const)));
  const exports = await exporting;

  log('  checking every acknowledged command in the log ...');
  const stored = await db.$queryRaw<{ command_id: string; stream_id: string; version: number }[]>`
    SELECT metadata->>'commandId' AS command_id, stream_id, version FROM events WHERE tenant_id = ${world.tenantId} ORDER BY stream_id, version`;
  const byCommand = new Map<string, number>();
  for (const row of stored) byCommand.set(row.command_id, (byCommand.get(row.command_id) ?? 0) + 1);
  const missing = acknowledged.filter((command) => !byCommand.has(command.commandId)).length;
  const twice = acknowledged.filter((command) => (byCommand.get(command.commandId) ?? 0) > 1).length;
  const versions = new Map<string, number[]>();
  for (const row of stored) versions.set(row.stream_id, [...(versions.get(row.stream_id) ?? []), row.version]);
  const gapped = [...versions.values()].filter((held) => held.some((version, i) => version !== i + 1)).length;

  const rows = names.map((name) => {
    const [a, l] = [alone[name]!, loaded[name]!];
    return [name, l.requests, round(l.perSecond, 1), round(l.p50, 1), round(l.p95, 1), round(l.p99, 1), round(a.p95, 1), round(l.p95 / a.p95, 1), Object.entries(l.failures).map(([k, v]) => `${k}: ${v}`).join(', ') || '0'];
  });
  const exportRows = exports.filter((e) => e.status === 200);
  process.stdout.write(table(`Load: ${AGENTS} agents for ${SECONDS} s against next start (ms)`, ['endpoint', 'requests', 'req/s', 'p50', 'p95', 'p99', 'p95 alone', 'p95 ratio', 'failures'], rows));
  process.stdout.write(`BI export during the load: ${exportRows.length} complete exports of ${exportRows.at(-1)?.rows ?? 0} rows, ${round(summarise(exportRows.map((e) => e.seconds * 1000)).p50, 0)} ms p50 each; other answers: ${exports.length - exportRows.length}\n`);
  process.stdout.write(`Acknowledged commands: ${acknowledged.length}; missing from the log: ${missing}; stored twice: ${twice}; leads with gaps in their versions: ${gapped}\n`);
  process.stdout.write(`${JSON.stringify({ agents: AGENTS, seconds: SECONDS, alone, loaded, exports: exportRows.length, acknowledged: acknowledged.length, missing, twice, gapped })}\n`);
} finally {
  server.kill('SIGTERM');
  await db.$disconnect();
}
