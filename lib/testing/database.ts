// Integration tests share one database per run and isolate themselves by fresh random ids.
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';

const clients: Db[] = [];

/** A Prisma client on the test database, disconnected when the test file ends. */
export function testDb(options?: { poolSize?: number }): Db {
  const client = createDb(process.env.DATABASE_URL!, options);
  clients.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.$disconnect()));
});

export const freshId = (prefix: string) => `${prefix}-${randomUUID()}`;
