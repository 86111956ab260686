// How many exports may run at once, across every server process. A running export holds one of
// its caller's slots and one of its tenant's: session advisory locks on the export's own
// connection, let go when the export ends however it ends (a killed process's go with its
// connection). Exports run on a pool of their own, apart from the connections agents' requests
// use, so a BI tool reading slowly with high parallelism cannot starve anyone else.
import type pg from 'pg';
import { pgQuery } from '@/lib/db/sql';
import { Prisma } from '@/lib/generated/prisma/client';

export type ExportCaps = {
  /** Exports one API token or one user may run at once. */
  readonly perCaller: number;
  /** Exports one tenant may run at once, whoever runs them. */
  readonly perTenant: number;
};

export type ExportCaller = { readonly tenantId: string; readonly callerId: string };

/** An export's connection, holding its slots; `done` gives it back (destroyed unless the export ended cleanly). */
export type ExportConnection = { readonly client: pg.ClientBase; done(clean: boolean): void };

export class ExportLimitError extends Error {
  constructor(readonly scope: 'caller' | 'tenant' | 'server', readonly limit: number) {
    super(`Export limit reached (${scope}: ${limit} at once)`);
    this.name = 'ExportLimitError';
  }
}

export async function claimExportConnection(pool: pg.Pool, caller: ExportCaller, caps: ExportCaps): Promise<ExportConnection> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    // Every connection of this server's export pool is busy for longer than its connection timeout.
    if (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) throw new ExportLimitError('server', pool.options.max ?? 0);
    throw error;
  }
  try {
    if (!(await takeSlot(client, `caller:${caller.tenantId}:${caller.callerId}`, caps.perCaller))) throw new ExportLimitError('caller', caps.perCaller);
    if (!(await takeSlot(client, `tenant:${caller.tenantId}`, caps.perTenant))) throw new ExportLimitError('tenant', caps.perTenant);
  } catch (error) {
    client.release(true); // ending the session lets go of any slot it took
    throw error;
  }
  let given = false;
  return {
    client,
    done(clean) {
      if (given) return;
      given = true;
      if (!clean) return client.release(true);
      pgQuery(client, Prisma.sql`SELECT pg_advisory_unlock_all()`).then(() => client.release(), () => client.release(true));
    },
  };
}

async function takeSlot(client: pg.ClientBase, key: string, slots: number): Promise<boolean> {
  for (let slot = 0; slot < slots; slot++) {
    const [row] = await pgQuery<{ taken: boolean }>(client, Prisma.sql`SELECT pg_try_advisory_lock(hashtext('leadstream:export'), hashtext(${`${key}:${slot}`})) AS taken`);
    if (row?.taken) return true;
  }
  return false;
}
