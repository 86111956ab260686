// The load test's world: a tenant of its own in the bench database with leads written through the
// command handler, agent accounts logged in over HTTP, API tokens for a dialer and a BI tool, and
// the production server started on a port of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createApiToken } from '@/lib/auth/api-tokens';
import { createUser } from '@/lib/auth/users';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import type { Db } from '@/lib/db/client';
import { createSystem } from '@/lib/system';
import { runPool } from './stats';

export const LOAD_PASSWORD = 'load-test-password';

export type LoadTenant = { tenantId: string; leadIds: string[]; agentEmails: string[]; commandsToken: string; exportToken: string };

export async function createLoadTenant(db: Db, { leads, agents }: { leads: number; agents: number }, log: (line: string) => void): Promise<LoadTenant> {
  const tenantId = `load-${Date.now()}`;
  await db.tenant.create({ data: { id: tenantId, name: 'Load Test Sales' } });
  const { store } = createSystem(db);
  const leadIds = Array.from({ length: leads }, () => randomUUID());
  const started = Date.now();
  await runPool(leadIds, 4, (leadId) => {
    const n = leadIds.indexOf(leadId);
    return executeLeadCommand(store, { tenantId, actorId: 'load-admin', region: 'GB' }, {
      type: 'RegisterLead',
      data: { leadId, name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${n}`, phones: [`07911 ${String(100000 + n).padStart(6, '0')}`], emails: [`lead${n}@load.example`], source: n % 2 ? 'web' : 'list' },
    });
  });
  log(`  ${leads} leads registered through the command handler in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const agentEmails = await Promise.all(Array.from({ length: agents }, async (_, n) => {
    const email = `agent${n}@${tenantId}.example`;
    await createUser(db, tenantId, { name: `Load Agent ${n}`, email, password: LOAD_PASSWORD, role: 'agent' });
    return email;
  }));
  const commandsToken = (await createApiToken(db, tenantId, 'load-admin', { name: 'Load dialer', scopes: ['commands'] })).token;
  const exportToken = (await createApiToken(db, tenantId, 'load-admin', { name: 'Load BI tool', scopes: ['export'] })).token;
  return { tenantId, leadIds, agentEmails, commandsToken, exportToken };
}

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dmitri', 'Elena', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jana'];
const LAST = ['Lima', 'Okafor', 'Ivanov', 'Garcia', 'Nguyen', 'Smith', 'Novak', 'Kowalski', 'Rossi', 'Silva'];

/** `next start` of the build in .next, on its own port, with the limits a load test must not hit. */
export async function startServer(databaseUrl: string, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn('next', ['start', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1', BETTER_AUTH_SECRET: 'load-test-secret-0123456789abcdef', BETTER_AUTH_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let waited = 0; waited < 60_000; waited += 250) {
    const answer = await fetch(`http://127.0.0.1:${port}/login`).catch(() => null);
    if (answer?.ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill('SIGTERM');
  throw new Error('The server did not start within 60 s');
}

/** Each agent's session cookie, from logging in as a browser does. */
export async function logIn(base: string, emails: readonly string[]): Promise<string[]> {
  return Promise.all(emails.map(async (email) => {
    const answer = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: JSON.stringify({ email, password: LOAD_PASSWORD }),
    });
    if (!answer.ok) throw new Error(`Could not log in ${email}: ${answer.status} ${await answer.text()}`);
    return answer.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  }));
}
