import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { expectAsyncModelsEqualRebuild, startProjector, until, type ProjectorProcess } from '@/lib/testing/projections';
import { ASYNC_PROJECTIONS as asyncProjections } from '@/lib/system/projections';
import { readCheckpoint } from './checkpoints';
import { catchUp } from './run-batch';

const db = testDb();
const store = createSystem(db).store;
const running: ProjectorProcess[] = [];
afterEach(async () => {
  for (const projector of running.splice(0)) {
    projector.child.kill('SIGKILL');
    await projector.exited;
  }
});

async function writeLeads(tenantId: string, count: number): Promise<number> {
  let events = 0;
  for (let i = 0; i < count; i++) {
    const leadId = randomUUID();
    const context = { tenantId, actorId: `agent-${i % 3}`, region: 'GB' as const };
    await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name: `Lead ${i}`, phones: [`07911 ${String(100000 + i)}`] } });
    await executeLeadCommand(store, context, { type: 'ChangeStatus', leadId, data: { status: 'Closed' } });
    await executeLeadCommand(store, context, { type: 'ChangeName', leadId, data: { name: `Lead ${i} renamed` } });
    events += 3; // LeadRegistered, StatusChanged, NameChanged
  }
  return events;
}

const applied = async () => Object.fromEntries(
  await Promise.all(asyncProjections.map(async (p) => [p.name, (await readCheckpoint(db, p.name)).eventsApplied] as const)),
);
const caughtUp = async () => {
  for (const projection of asyncProjections) {
    if ((await store.readAll(await readCheckpoint(db, projection.name), { limit: 1 })).events.length > 0) return false;
  }
  return true;
};

/** A projector is inside a batch transaction of the search projection right now. */
const batchInFlight = async () => {
  const rows = await db.$queryRaw<{ held: boolean }[]>`
    SELECT count(*) > 0 AS held FROM pg_locks
    WHERE locktype = 'advisory' AND granted AND objid = (hashtext('leadstream:projection:search-terms')::bigint & 4294967295)::oid`;
  return rows[0]!.held;
};

const expectEqualToRebuild = (tenantId: string) => expectAsyncModelsEqualRebuild(store, tenantId);

describe('async projector processes', () => {
  it('killed mid-batch (SIGKILL) and restarted: no event lost or applied twice', async () => {
    for (const projection of asyncProjections) await catchUp(store, projection);
    const before = await applied();
    const tenantId = `tenant-${randomUUID()}`;
    const written = await writeLeads(tenantId, 40);

    const doomed = startProjector(['--batch-size', '25', '--hold-before-commit-ms', '400']);
    running.push(doomed);
    await until(async () => (await applied())['search-terms']! > before['search-terms']!); // a batch has committed
    await until(batchInFlight); // and the next one is open, holding the projection's batch lock
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const afterKill = await applied();
    expect(afterKill['search-terms']! - before['search-terms']!).toBeLessThan(written); // it really died half-way

    running.push(startProjector(['--batch-size', '25']));
    await until(caughtUp);

    const after = await applied();
    for (const projection of asyncProjections) expect(after[projection.name]! - before[projection.name]!).toBe(BigInt(written));
    await expectEqualToRebuild(tenantId);
  });

  it('two projectors at once: one owns each projection, the other waits, rows are not duplicated', async () => {
    for (const projection of asyncProjections) await catchUp(store, projection);
    const before = await applied();
    const first = startProjector(['--batch-size', '20']);
    const second = startProjector(['--batch-size', '20']);
    running.push(first, second);
    await until(() => asyncProjections.every((p) => (first.output() + second.output()).includes(`owns projection ${p.name}`)));

    const tenantId = `tenant-${randomUUID()}`;
    const written = await writeLeads(tenantId, 30);
    await until(caughtUp);

    for (const projection of asyncProjections) {
      const owners = [first, second].filter((p) => p.output().includes(`owns projection ${projection.name}`));
      expect(owners, `${projection.name} has one owner`).toHaveLength(1);
    }
    const after = await applied();
    for (const projection of asyncProjections) expect(after[projection.name]! - before[projection.name]!).toBe(BigInt(written));
    await expectEqualToRebuild(tenantId);

    // The owner goes away: the one that waited takes over.
    const owner = first.output().includes('owns projection search-terms') ? first : second;
    const standby = owner === first ? second : first;
    owner.child.kill('SIGKILL');
    await owner.exited;
    const more = await writeLeads(tenantId, 5);
    await until(caughtUp);
    expect(standby.output()).toContain('owns projection search-terms');
    expect((await applied())['search-terms']! - after['search-terms']!).toBe(BigInt(more));
  });
});
