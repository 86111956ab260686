// PostgreSQL restarted under a running Leadstream (fast shutdown: every connection cut, open
// transactions rolled back), on a server of this test's own. Agents keep sending commands through
// it, a projector runs as `npm run projector` runs it. Afterwards: every acknowledged command is in
// the log exactly once, the projector process survived and caught up by itself within seconds, the
// read models equal a rebuild, and while the database was down the gate answered 503.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createDb, type Db } from '@/lib/db/client';
import { publicRoute } from '@/lib/gate';
import { readCheckpoint } from '@/lib/read/engine/checkpoints';
import { startOwnPostgres, type OwnPostgres } from '@/lib/testing/own-postgres';
import { expectAsyncModelsEqualRebuild, startProjector, until, type ProjectorProcess } from '@/lib/testing/projections';
import { createSystem, type System } from '.';
import { ASYNC_PROJECTIONS } from './projections';

let postgres: OwnPostgres;
let db: Db;
let system: System;
let projector: ProjectorProcess;

beforeAll(async () => {
  postgres = await startOwnPostgres();
  db = createDb(postgres.url, { poolSize: 6 });
  system = createSystem(db);
  projector = startProjector(['--retry-ms', '250', '--poll-ms', '250'], { DATABASE_URL: postgres.url });
  await until(() => projector.output().includes('owns projection status-history'));
});

afterAll(async () => {
  projector?.child.kill('SIGKILL');
  await projector?.exited;
  await db?.$disconnect();
  await postgres?.dispose();
});

type Acknowledged = { commandId: string; leadId: string; version: number };

/** An agent working leads of the tenant until told to stop: what the handler acknowledged, and how many commands failed. */
async function agent(tenantId: string, index: number, stop: () => boolean) {
  const acknowledged: Acknowledged[] = [];
  let failed = 0;
  const context = { tenantId, actorId: `agent-${index}`, region: 'GB' as const };
  let leadId: string | null = null;
  for (let n = 0; !stop(); n++) {
    const commandId = randomUUID();
    const input = leadId === null || n % 5 === 0
      ? { type: 'RegisterLead', commandId, data: { leadId: randomUUID(), name: `Agent ${index} lead ${n}`, phones: [`07911 ${index}${String(n % 100_000).padStart(5, '0')}`] } }
      : { type: n % 2 ? 'AddNote' : 'ChangeName', commandId, leadId, data: n % 2 ? { noteId: randomUUID(), text: `note ${n}` } : { name: `Agent ${index} lead renamed ${n}` } };
    try {
      const result = await executeLeadCommand(system.store, context, input);
      leadId = result.streamId;
      acknowledged.push({ commandId, leadId, version: result.version });
    } catch {
      failed++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { acknowledged, failed };
}

const headPosition = async () => (await db.$queryRaw<{ head: bigint | null }[]>`SELECT max(position) AS head FROM events`)[0]!.head ?? 0n;
const projectionsAt = async (position: bigint) => {
  for (const projection of ASYNC_PROJECTIONS) if ((await readCheckpoint(db, projection.name)).position < position) return false;
  return true;
};

describe('PostgreSQL restarts under load', () => {
  it('loses no acknowledged command; the projector reconnects and catches up; the gate answers 503 meanwhile', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    let stopping = false;
    const agents = Promise.all([0, 1, 2, 3].map((index) => agent(tenantId, index, () => stopping)));
    await until(async () => (await headPosition()) > 40n);

    await postgres.server.stop();
    const probe = publicRoute(async () => Response.json({ rows: await db.$queryRaw`SELECT 1` }));
    const whileDown = await probe(new Request('http://leadstream.test/probe'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await postgres.server.start();
    const restartedAt = Date.now();

    // The projector reconnects by itself and passes what the agents write after the restart.
    const headAtRestart = await headPosition();
    await until(async () => (await headPosition()) > headAtRestart, { timeoutMs: 10_000 });
    const target = await headPosition();
    await until(() => projectionsAt(target), { timeoutMs: 15_000 });
    const resumedMs = Date.now() - restartedAt;
    await new Promise((resolve) => setTimeout(resolve, 500));
    stopping = true;
    const results = await agents;

    expect(whileDown.status).toBe(503);
    expect(whileDown.headers.get('retry-after')).toBe('5');
    expect((await whileDown.json()).error).toMatchObject({ kind: 'busy', message: expect.stringMatching(/database is not answering/) });

    // Every acknowledged command's events are in the log, once, and every stream's versions run 1..n.
    const acknowledged = results.flatMap((result) => result.acknowledged);
    const stored = await db.$queryRaw<{ command_id: string; stream_id: string; version: number }[]>`
      SELECT metadata->>'commandId' AS command_id, stream_id, version FROM events WHERE tenant_id = ${tenantId} ORDER BY stream_id, version`;
    const storedCommands = new Set(stored.map((row) => row.command_id));
    expect(acknowledged.filter((command) => !storedCommands.has(command.commandId)), 'acknowledged commands missing from the log').toEqual([]);
    const versions = new Map<string, number[]>();
    for (const row of stored) versions.set(row.stream_id, [...(versions.get(row.stream_id) ?? []), row.version]);
    for (const [streamId, held] of versions) expect(held, streamId).toEqual(held.map((_, i) => i + 1));
    for (const command of acknowledged) {
      const written = stored.filter((row) => row.command_id === command.commandId).map((row) => row.version);
      expect(Math.max(...written), `command ${command.commandId} ended at the version it acknowledged`).toBe(command.version);
    }

    expect(projector.child.exitCode, `the projector process is still running:\n${projector.output()}`).toBeNull();
    expect(projector.output()).toMatch(/lost the database/);
    expect(resumedMs).toBeLessThan(10_000);
    await until(async () => projectionsAt(await headPosition()));
    await expectAsyncModelsEqualRebuild(system.store, tenantId);

    console.log(`database restart: ${acknowledged.length} commands acknowledged, 0 lost, ${results.reduce((n, r) => n + r.failed, 0)} refused while down; projector caught up ${resumedMs} ms after the restart`);
  });

  it('gives back the connections of transactions the restart cut, so the pool does not run dry', async () => {
    const small = createDb(postgres.url, { poolSize: 2 });
    const cut = [0, 1].map(() => small.$transaction((tx) => tx.$queryRaw`SELECT pg_sleep(5)`, { timeout: 30_000 }).catch((error: unknown) => error));
    await until(async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%pg_sleep(5)%' AND pid <> pg_backend_pid()`)[0]!.n === 2);
    await postgres.server.stop();
    await postgres.server.start();
    expect(await Promise.all(cut)).toEqual([expect.any(Error), expect.any(Error)]);

    // Both connections of the pool were in those transactions: each must have been given back.
    for (let i = 0; i < 4; i++) {
      await expect(small.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 2000 })).resolves.toBeDefined();
    }
    await small.$disconnect();
  });
});
