import 'server-only';
import { createDb, type Db } from './client';

// One client per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { leadstreamDb?: Db };

export function db(): Db {
  if (!globalForDb.leadstreamDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start Leadstream with `npm start`');
    globalForDb.leadstreamDb = createDb(url);
  }
  return globalForDb.leadstreamDb;
}

/** The database's address, for code that needs a connection of its own (the export's cursor). */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start Leadstream with `npm start`');
  return url;
}
