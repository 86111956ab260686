// Rebuilding a read model while agents keep writing: the copies are swapped in, the live projection
// carries on from where the swap left it, and the swap itself applies at most one batch, so the
// writing transaction that holds every gap-safe reader back stays short.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { searchTermsProjection } from '@/lib/read/search-terms/projection';
import { ASYNC_PROJECTIONS } from '@/lib/system/projections';
import { testDb } from '@/lib/testing/database';
import { expectAsyncModelsEqualRebuild } from '@/lib/testing/projections';
import { readCheckpoint } from './checkpoints';
import { rebuildProjection, rebuildProjections } from './rebuild';
import { catchUp } from './run-batch';

const db = testDb();
const { store } = createSystem(db);

describe('rebuilding a read model while commands are written', () => {
  it('swaps the copies in with at most one batch inside the swap, and the live projection carries on', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const context = { tenantId, actorId: 'ana', region: 'GB' as const };
    const register = (n: number) =>
      executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId: randomUUID(), name: `Rebuilt Lead ${n}`, phones: [`07911 ${String(200000 + n)}`] } });
    for (let n = 0; n < 30; n++) await register(n);

    let writing = true;
    const writer = (async () => {
      for (let n = 30; writing; n++) await register(n);
    })();
    const progress: number[] = [];
    const batchSize = 40;
    const result = await rebuildProjection(store, searchTermsProjection, { batchSize, onProgress: ({ events }) => progress.push(events) });
    writing = false;
    await writer;

    // The last step is the swap's own batch: never more than one.
    expect(progress.at(-1)! - progress.at(-2)!).toBeLessThanOrEqual(batchSize);
    const checkpoint = await readCheckpoint(db, searchTermsProjection.name);
    expect(checkpoint.position).toBe(result.checkpoint.position);

    for (const projection of ASYNC_PROJECTIONS) await catchUp(store, projection);
    await expectAsyncModelsEqualRebuild(store, tenantId);
    const names = await db.searchTerm.count({ where: { tenantId, kind: 'name' } });
    expect(names).toBe(await db.leadView.count({ where: { tenantId } }));
  });
  it('rebuilds every async read model in one pass over the log, swaps them all in, and each equals its own rebuild', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const context = { tenantId, actorId: 'ana', region: 'GB' as const };
    const register = async (n: number) => {
      const leadId = randomUUID();
      await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name: `Passed Lead ${n}`, phones: [`07911 ${String(300000 + n)}`] } });
      await executeLeadCommand(store, context, { type: 'ChangeStatus', leadId, data: { status: n % 2 ? 'Converted' : 'Closed' } });
    };
    for (let n = 0; n < 20; n++) await register(n);
    let writing = true;
    const writer = (async () => {
      for (let n = 20; writing; n++) await register(n);
    })();
    const result = await rebuildProjections(store, ASYNC_PROJECTIONS, { batchSize: 25 });
    writing = false;
    await writer;

    for (const projection of ASYNC_PROJECTIONS) expect((await readCheckpoint(db, projection.name)).position).toBe(result.checkpoint.position);
    for (const projection of ASYNC_PROJECTIONS) await catchUp(store, projection);
    await expectAsyncModelsEqualRebuild(store, tenantId);
    expect(await db.statusPeriod.count({ where: { tenantId } })).toBeGreaterThanOrEqual(40);
  });
});
