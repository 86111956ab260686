// Builds a Prisma client on the pg driver adapter (no native engine). Callers pass the connection
// string: only lib/db/index.ts and scripts read the environment.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';

export type Db = PrismaClient;
export type { Prisma } from '@/lib/generated/prisma/client';

export type DbOptions = {
  readonly poolSize?: number;
  /** Longest a statement may run before PostgreSQL cancels it (ms; 0: no limit). */
  readonly statementTimeoutMs?: number;
  /** Longest a transaction may sit idle before PostgreSQL ends its session (ms; 0: no limit). */
  readonly idleInTransactionTimeoutMs?: number;
};

/**
 * The app's bounds on its own connections. A transaction left open holds back every async
 * projection and the export (their gap-safe reads wait for it), and a runaway statement holds a
 * pool connection: PostgreSQL ends both rather than let one client stall everyone.
 */
export const CONNECTION_BOUNDS = { statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 20_000 } as const;

export function createDb(connectionString: string, options: DbOptions = {}): Db {
  const { poolSize = 10, statementTimeoutMs = CONNECTION_BOUNDS.statementTimeoutMs, idleInTransactionTimeoutMs = CONNECTION_BOUNDS.idleInTransactionTimeoutMs } = options;
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    options: `-c statement_timeout=${statementTimeoutMs} -c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs}`,
  });
  return new PrismaClient({
    adapter,
    // Appends wait on a stream's row lock under contention; give them room before giving up.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

/** The transaction as a database client whose own transactions are this one (the store appends in it). */
export function inTransaction(tx: Prisma.TransactionClient): Db {
  return new Proxy(tx, { get: (target, property) => (property === '$transaction' ? (work: (inner: Prisma.TransactionClient) => unknown) => work(target) : Reflect.get(target, property)) }) as unknown as Db;
}
