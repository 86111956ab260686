import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/users';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { ValidationError } from '@/lib/errors';
import type { EventStore } from '@/lib/event-store';
import { blockedNumbers } from '@/lib/read/do-not-call/queries';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { bulkCommandId, MAX_BULK_LEADS, parseBulkAction } from './bulk-action';
import { recentBulkChanges } from './recent';
import { bulkProgress, resumeBulkChange, startBulkChange, undoBulkChange } from './run-bulk';

const db = testDb();
const store = createSystem(db).store;

function freshTenant() {
  const tenantId = `tenant-${randomUUID()}`;
  const context: CommandContext = { tenantId, actorId: 'maria', region: 'GB' };
  return { tenantId, context };
}

/** Leads of the tenant, each at the version a user would see on the list. */
async function leads(context: CommandContext, count: number) {
  const targets = [];
  for (let i = 0; i < count; i++) {
    const result = await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId: randomUUID(), name: `Lead ${i}`, emails: [`lead${i}-${randomUUID()}@example.com`] } });
    targets.push({ leadId: result.streamId, version: result.version });
  }
  return targets;
}

const closeAll = parseBulkAction({ kind: 'status', status: 'Closed' }, new Date());
const statusOf = async (tenantId: string, leadId: string) => (await db.leadView.findUniqueOrThrow({ where: { tenantId_leadId: { tenantId, leadId } } })).status;
const resultsOf = async (tenantId: string, batchId: string) => {
  const progress = await bulkProgress(store, tenantId, batchId);
  return { state: progress.state, counts: progress.counts, problems: Object.fromEntries(progress.problems.map((problem) => [problem.leadId, problem.outcome])) };
};

describe('a bulk status change over leads, one changed by someone else meanwhile', () => {
  it('reports the colliding lead conflicted, merges the other change, and does the rest', async () => {
    const { tenantId, context } = freshTenant();
    const targets = await leads(context, 4);
    const [collided, renamed] = targets;
    await executeLeadCommand(store, { ...context, actorId: 'tom' }, { type: 'ChangeStatus', leadId: collided!.leadId, expectedVersion: collided!.version, data: { status: 'Converted' } });
    await executeLeadCommand(store, { ...context, actorId: 'tom' }, { type: 'ChangeName', leadId: renamed!.leadId, expectedVersion: renamed!.version, data: { name: 'Renamed' } });

    const started = await startBulkChange(store, context, { action: closeAll, targets, filter: 'status=Available' }, { chunk: 2 });
    await started.run!();

    expect(await resultsOf(tenantId, started.batchId)).toEqual({
      state: 'finished', counts: { done: 3, refused: 0, conflicted: 1, skipped: 0 }, problems: { [collided!.leadId]: 'conflicted' },
    });
    expect(await statusOf(tenantId, collided!.leadId)).toBe('Converted');
    expect(await Promise.all(targets.slice(1).map((target) => statusOf(tenantId, target.leadId)))).toEqual(['Closed', 'Closed', 'Closed']);
  });

  it('refuses a lead the transition rules refuse, and reports why', async () => {
    const { tenantId, context } = freshTenant();
    const targets = await leads(context, 2);
    const converted = await executeLeadCommand(store, context, { type: 'ChangeStatus', leadId: targets[0]!.leadId, data: { status: 'Converted' } });
    const started = await startBulkChange(store, context, { action: closeAll, targets: [{ leadId: targets[0]!.leadId, version: converted.version }, targets[1]!], filter: null });
    await started.run!();
    const progress = await bulkProgress(store, tenantId, started.batchId);
    expect(progress.problems).toEqual([expect.objectContaining({ leadId: targets[0]!.leadId, outcome: 'refused', reason: 'status.final' })]);
  });
});

describe('marking leads do not call', () => {
  it('marks each lead and puts its phones on the do-not-call list, in the same transaction', async () => {
    const { tenantId, context } = freshTenant();
    const phone = `+4479111${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const lead = await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId: randomUUID(), name: 'Asked Not To', phones: [phone] } });
    const started = await startBulkChange(store, context, { action: parseBulkAction({ kind: 'do-not-call', reason: 'Complaint' }, new Date()), targets: [{ leadId: lead.streamId, version: lead.version }], filter: null });
    await started.run!();
    expect((await bulkProgress(store, tenantId, started.batchId)).counts.done).toBe(1);
    expect((await db.leadView.findUniqueOrThrow({ where: { tenantId_leadId: { tenantId, leadId: lead.streamId } } })).doNotCall).toBe(true);
    expect([...(await blockedNumbers(db, tenantId, [phone])).keys()]).toEqual([phone]);
  });
});

describe('undoing a bulk change', () => {
  it('takes back each lead still at the version the batch left it, and skips a lead changed since', async () => {
    const { tenantId, context } = freshTenant();
    const targets = await leads(context, 3);
    const started = await startBulkChange(store, context, { action: closeAll, targets, filter: null });
    await started.run!();
    await executeLeadCommand(store, { ...context, actorId: 'tom' }, { type: 'ChangeName', leadId: targets[2]!.leadId, data: { name: 'Changed since' } });

    const undo = await undoBulkChange(store, context, started.batchId);
    await undo.run!();

    expect(await resultsOf(tenantId, undo.batchId)).toEqual({
      state: 'finished', counts: { done: 2, refused: 0, conflicted: 0, skipped: 1 }, problems: { [targets[2]!.leadId]: 'skipped' },
    });
    expect(await Promise.all(targets.map((target) => statusOf(tenantId, target.leadId)))).toEqual(['Available', 'Available', 'Closed']);
  });
});

/** The store, with the connection lost after `count` lead commands are committed: each later one is stored, but its answer never arrives. */
function cutOffAfter(count: number): EventStore {
  let appends = 0;
  return {
    ...store,
    append: async (stream, events, options) => {
      const appended = await store.append(stream, events, options);
      if (stream.streamType === 'lead' && ++appends > count) throw new Error('connection lost');
      return appended;
    },
  };
}

describe('a bulk change cut off half-way', () => {
  it('shows where it stopped, and a resume applies nothing twice', async () => {
    const { tenantId, context } = freshTenant();
    const targets = await leads(context, 5);
    const started = await startBulkChange(cutOffAfter(2), context, { action: closeAll, targets, filter: null }, { chunk: 2, concurrency: 1 });
    await started.run!();
    const stopped = await bulkProgress(store, tenantId, started.batchId);
    expect([stopped.state, stopped.done]).toEqual(['stopped', 2]);

    const resumed = await resumeBulkChange(store, context, started.batchId, { chunk: 2 });
    await resumed.run!();

    expect(await resultsOf(tenantId, started.batchId)).toEqual({ state: 'finished', counts: { done: 5, refused: 0, conflicted: 0, skipped: 0 }, problems: {} });
    for (const target of targets) {
      const events = await store.readStream(tenantId, target.leadId);
      expect(events.filter((event) => event.metadata.commandId === bulkCommandId(started.batchId, target.leadId)).map((event) => event.type)).toEqual(['StatusChanged']);
    }
    // The lead whose answer was lost still carries its undo.
    const undo = await undoBulkChange(store, context, started.batchId);
    await undo.run!();
    expect((await bulkProgress(store, tenantId, undo.batchId)).counts.done).toBe(5);
  });
});

describe('a bulk change whose server restarted before it ran', () => {
  it('shows interrupted, and resumes to the end', async () => {
    const { tenantId, context } = freshTenant();
    const targets = await leads(context, 2);
    const started = await startBulkChange(store, context, { action: closeAll, targets, filter: null });
    // A new process knows of no run going on: the batch's stream alone tells it never ended.
    (globalThis as { leadstreamBulkRuns?: Map<string, unknown> }).leadstreamBulkRuns!.clear();
    expect((await bulkProgress(store, tenantId, started.batchId)).state).toBe('interrupted');
    expect(await recentBulkChanges(store, tenantId)).toMatchObject([{ batchId: started.batchId, leads: 2, startedBy: 'maria', state: 'interrupted', done: null }]);

    const resumed = await resumeBulkChange(store, context, started.batchId);
    expect((await bulkProgress(store, tenantId, started.batchId)).state).toBe('running');
    await resumed.run!();
    expect(await resultsOf(tenantId, started.batchId)).toEqual({ state: 'finished', counts: { done: 2, refused: 0, conflicted: 0, skipped: 0 }, problems: {} });
    expect(await recentBulkChanges(store, tenantId)).toMatchObject([{ batchId: started.batchId, state: 'finished', done: 2 }]);
  });
});

describe('bad input', () => {
  const refusedField = async (run: () => Promise<unknown>) => {
    const error = await run().then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => issue.field);
  };

  it('names the field, and stores nothing', async () => {
    const { tenantId, context } = freshTenant();
    const targets = await leads(context, 1);
    const agent = await createUser(db, tenantId, { name: 'Agent', email: `agent-${randomUUID()}@example.com`, password: 'a-long-password', role: 'agent' });
    const tooMany = Array.from({ length: MAX_BULK_LEADS + 1 }, () => ({ leadId: randomUUID(), version: 1 }));
    expect(await refusedField(() => startBulkChange(store, context, { action: closeAll, targets: [], filter: null }))).toEqual(['leads']);
    expect(await refusedField(() => startBulkChange(store, context, { action: closeAll, targets: tooMany, filter: null }))).toEqual(['leads']);
    const assign = parseBulkAction({ kind: 'assign', ownerIds: [agent.id, 'nobody'] }, new Date());
    expect(await refusedField(() => startBulkChange(store, context, { action: assign, targets, filter: null }))).toEqual(['ownerIds.1']);
    expect(await db.stream.count({ where: { tenantId, streamType: 'bulk-change' } })).toBe(0);
  });
});
