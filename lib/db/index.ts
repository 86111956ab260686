import 'server-only';
import pg from 'pg';
import { settings } from '@/lib/settings';
import { createDb, type Db } from './client';

// One client and one export pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { leadstreamDb?: Db; leadstreamExportPool?: pg.Pool };

export function db(): Db {
  const { statementTimeoutMs, idleInTransactionTimeoutMs } = settings();
  globalForDb.leadstreamDb ??= createDb(databaseUrl(), { statementTimeoutMs, idleInTransactionTimeoutMs });
  return globalForDb.leadstreamDb;
}

/**
 * The connections exports stream on, apart from the agents' pool: a BI tool running many slow
 * exports uses these up, never the connections the screens and commands need. A statement (one
 * cursor fetch) may take up to a minute; a slow client is bounded by the export's stall timeout.
 */
export function exportPool(): pg.Pool {
  if (!globalForDb.leadstreamExportPool) {
    const pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: settings().exportConnections,
      connectionTimeoutMillis: 1000,
      application_name: 'leadstream-export',
      options: '-c statement_timeout=60000',
    });
    pool.on('error', () => {}); // an idle connection the server closed is simply dropped
    globalForDb.leadstreamExportPool = pool;
  }
  return globalForDb.leadstreamExportPool;
}

/** The database's address, for code that needs a connection of its own (the export's cursor). */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start Leadstream with `npm start`');
  return url;
}
