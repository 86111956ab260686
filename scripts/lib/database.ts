// Finds or starts the PostgreSQL server Leadstream runs on. With DATABASE_URL it is used as is and
// nothing is started or stopped. Without it an embedded PostgreSQL 17 runs from `.data/pg`
// (git-ignored; LEADSTREAM_PG_DATA and LEADSTREAM_PG_PORT move it): the first start initialises it,
// later starts reuse its data, and a server already running there is shared.
//
// Sharing is safe: every process that opens the embedded server (npm start, npm test, a benchmark,
// a projector) holds a lease on it, a shared advisory lock on a connection of its own, until it
// stops. The server is stopped by the last one to leave, whichever started it: stopping one
// `npm start` never cuts the connections of another process still using the server.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { ident, pgQuery } from '../../lib/db/sql';
import { Prisma } from '../../lib/generated/prisma/client';
import { embeddedServer } from './embedded-postgres';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The advisory lock key of the lease (below 2^31, so pg_locks shows it whole in objid). */
const LEASE = 541_733_001;

export type Database = {
  /** Connection string of the given database on this server. */
  urlFor(database: string): string;
  /** Gives up this process's use of the server; the last user of an embedded server stops it. */
  stop(): Promise<void>;
};

export type ServerChoice = { readonly port?: number; readonly dataDir?: string };

/** The server of DATABASE_URL, or the embedded one (on `port` and `dataDir` when given, else as the environment says). */
export async function openDatabaseServer(choice: ServerChoice = {}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external && !choice.port) {
    return { urlFor: (database) => withDatabase(external, database), stop: async () => {} };
  }
  const server = embeddedServer({
    dataDir: path.resolve(ROOT, choice.dataDir ?? (process.env.LEADSTREAM_PG_DATA || path.join('.data', 'pg'))),
    port: choice.port ?? Number(process.env.LEADSTREAM_PG_PORT || 54329),
  });
  const lease = await takeLease(server);
  let stopped = false;
  return {
    urlFor: (database) => server.url(database),
    async stop() {
      if (stopped) return;
      stopped = true;
      const leasePid = (lease as pg.Client & { processID?: number }).processID;
      // Let go of the lease before hanging up, so the count below need not wait on our backend's
      // exit (on a busy machine that can take longer than the wait allows, and we would count
      // ourselves). Only when that fails (the connection already broken) is the exit waited for.
      const released = await pgQuery(lease, Prisma.sql`SELECT pg_advisory_unlock_shared(${LEASE}::bigint)`).then(() => true, () => false);
      await lease.end().catch(() => {});
      const others = await othersLeasing(server.url('postgres'), released ? undefined : leasePid);
      if (others === 0) await server.stop();
      else console.log(`PostgreSQL keeps running on port ${server.port}: ${others} other Leadstream process${others === 1 ? '' : 'es'} still use${others === 1 ? 's' : ''} it.`);
    },
  };
}

/** Connects (starting the server when nobody runs it) and holds the lease for as long as this process uses it. */
async function takeLease(server: ReturnType<typeof embeddedServer>): Promise<pg.Client> {
  for (let attempt = 1; ; attempt++) {
    if (!(await canConnect(server.url('postgres')))) {
      if (!server.isRunning()) console.log(`Starting embedded PostgreSQL on port ${server.port} (${path.relative(ROOT, server.dataDir) || server.dataDir}) ...`);
      await server.start();
    }
    const lease = new pg.Client({ connectionString: server.url('postgres'), application_name: 'leadstream-lease' });
    lease.on('error', () => {}); // the server going away ends the lease; nothing to do here
    try {
      await lease.connect();
      // Waits while a last user is deciding to stop the server, then fails with it (and we start it again).
      await pgQuery(lease, Prisma.sql`SELECT pg_advisory_lock_shared(${LEASE}::bigint)`);
      return lease;
    } catch (error) {
      await lease.end().catch(() => {});
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * How many other processes hold a lease, once this one's (`endedPid`, its backend, when its lock
 * could not be let go of first) has gone; 0
 * means this one was the last, and it keeps the lease's lock exclusively until the server stops, so
 * nobody takes a lease on a server about to go away.
 */
async function othersLeasing(url: string, endedPid: number | undefined): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: 'leadstream-lease-check' });
  client.on('error', () => {});
  try {
    await client.connect();
    // Our own lease's backend lets go of its lock as it exits, a moment after the connection closed:
    // counted before that, it would be taken for another process still using the server.
    for (let waited = 0; endedPid !== undefined && waited < 5_000; waited += 20) {
      const [alive] = await pgQuery<{ alive: boolean }>(client, Prisma.sql`SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = ${endedPid}) AS alive`);
      if (!alive?.alive) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [last] = await pgQuery<{ last: boolean }>(client, Prisma.sql`SELECT pg_try_advisory_lock(${LEASE}::bigint) AS last`);
    if (last?.last) return 0; // held until the fast shutdown closes this connection
    const [holders] = await pgQuery<{ count: number }>(client, Prisma.sql`
      SELECT count(DISTINCT pid)::int AS count FROM pg_locks
      WHERE locktype = 'advisory' AND mode = 'ShareLock' AND granted AND classid = 0 AND objid = ${LEASE}::bigint::oid`);
    await client.end();
    return Math.max(1, holders?.count ?? 1);
  } catch {
    return 0; // the server is gone already
  }
}

export async function ensureDatabase(server: Database, database: string, { fresh = false } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  try {
    if (fresh) await pgQuery(admin, Prisma.sql`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
    const exists = await pgQuery(admin, Prisma.sql`SELECT 1 FROM pg_database WHERE datname = ${database}`);
    if (exists.length === 0) await pgQuery(admin, Prisma.sql`CREATE DATABASE ${ident(database)}`);
  } finally {
    await admin.end();
  }
  return server.urlFor(database);
}

/** Applies every migration under prisma/migrations that the database has not seen yet. */
export function migrate(databaseUrl: string): void {
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('prisma migrate deploy failed');
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
