// The bounds on the app's connections: a runaway statement is cancelled and a transaction left
// idle is ended by PostgreSQL, so neither holds back the projections and the export for long; the
// connection they held goes back to the pool.
import { describe, expect, it } from 'vitest';
import { testDb } from '@/lib/testing/database';
import { createDb } from './client';

describe('connection bounds', () => {
  it('every app connection carries a statement timeout and an idle-in-transaction timeout', async () => {
    const db = testDb();
    const [bounds] = await db.$queryRaw<{ statement: string; idle: string }[]>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(bounds).toEqual({ statement: '30s', idle: '20s' });
  });

  it('cancels a statement that runs too long, and ends a transaction left idle; the pool carries on', async () => {
    const db = createDb(process.env.DATABASE_URL!, { poolSize: 1, statementTimeoutMs: 300, idleInTransactionTimeoutMs: 300 });
    try {
      await expect(db.$queryRaw`SELECT pg_sleep(2)`).rejects.toThrow(/57014|statement timeout/);
      const idle = db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await new Promise((resolve) => setTimeout(resolve, 1000)); // a client that went quiet mid-transaction
        await tx.$queryRaw`SELECT 1`;
      });
      await expect(idle).rejects.toThrow();
      // The one connection of the pool was in that transaction: it has been given back.
      await expect(db.$transaction((tx) => tx.$queryRaw`SELECT 1 AS one`, { maxWait: 2000 })).resolves.toEqual([{ one: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });
});
