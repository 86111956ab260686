// Builds a Prisma client on the pg driver adapter (no native engine). Callers pass the connection
// string: only lib/db/index.ts and scripts read the environment.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

export type Db = PrismaClient;
export type { Prisma } from '@/lib/generated/prisma/client';

export function createDb(connectionString: string, { poolSize = 10 }: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({
    adapter,
    // Appends wait on a stream's row lock under contention; give them room before giving up.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}
