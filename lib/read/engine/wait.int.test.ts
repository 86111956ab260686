import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { searchTermsProjection } from '../search-terms/projection';
import { runProjector } from './projector';
import { catchUp } from './run-batch';
import { waitForProjection } from './wait';

const db = testDb();
const store = createSystem(db).store;

async function registerLead() {
  const leadId = randomUUID();
  const result = await executeLeadCommand(store, { tenantId: `tenant-${randomUUID()}`, actorId: 'ana', region: 'GB' }, {
    type: 'RegisterLead',
    data: { leadId, name: 'Read Your Writes', phones: ['020 7946 0018'] },
  });
  return result.position;
}

describe('read-your-writes', () => {
  it('gives up cleanly after the bound when the projection has not caught up', async () => {
    await catchUp(store, searchTermsProjection);
    const position = await registerLead(); // nobody projects it

    const result = await waitForProjection(db, searchTermsProjection.name, position, { timeoutMs: 300 });

    expect(result.caughtUp).toBe(false);
    expect(result.waitedMs).toBeGreaterThanOrEqual(300);
    expect(result.waitedMs).toBeLessThan(1500);
  });

  it('returns as soon as the projection has passed the command, woken by NOTIFY', async () => {
    await catchUp(store, searchTermsProjection);
    const controller = new AbortController();
    // Polling once a minute: only the notification of the append can wake the projector in time.
    const projector = runProjector(store, { connectionString: process.env.DATABASE_URL!, projections: [searchTermsProjection], pollMs: 60_000, signal: controller.signal });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // let it take ownership and go to sleep
      const position = await registerLead();
      const result = await waitForProjection(db, searchTermsProjection.name, position, { timeoutMs: 5000 });
      expect(result.caughtUp).toBe(true);
      expect(result.waitedMs).toBeLessThan(2000);
    } finally {
      controller.abort();
      await projector;
    }
  });

  it('counts an event as passed by its (transaction, position) pair, not by position alone', async () => {
    await catchUp(store, searchTermsProjection);
    const position = await registerLead();
    await catchUp(store, searchTermsProjection);
    expect((await waitForProjection(db, searchTermsProjection.name, position, { timeoutMs: 0 })).caughtUp).toBe(true);
    expect((await waitForProjection(db, searchTermsProjection.name, position + 1_000_000n, { timeoutMs: 0 })).caughtUp).toBe(false);
  });
});
