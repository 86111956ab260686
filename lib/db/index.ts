import 'server-only';
import pg from 'pg';
import { settings } from '@/lib/settings';
import { createDb, type Db } from './client';
import { createReadRouting, type ReadRouting } from './replica';

// One client, one read routing and one export pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { leadstreamDb?: Db; leadstreamReadRouting?: ReadRouting; leadstreamExportPool?: pg.Pool };

/** The primary: commands, projectors, the gate's checks, and every read that must see the latest commit. */
export function db(): Db {
  const { statementTimeoutMs, idleInTransactionTimeoutMs } = settings();
  globalForDb.leadstreamDb ??= createDb(databaseUrl(), { statementTimeoutMs, idleInTransactionTimeoutMs });
  return globalForDb.leadstreamDb;
}

/**
 * Where queries read: the hot standby of DATABASE_REPLICA_URL when it is set, else the primary.
 * Callers behind the gate get their reader from `reader(caller)` in lib/gate, which waits for their
 * own last command.
 */
export function readRouting(): ReadRouting {
  if (!globalForDb.leadstreamReadRouting) {
    const { statementTimeoutMs, idleInTransactionTimeoutMs, standbyWaitMs } = settings();
    const replicaUrl = standbyUrl();
    const standby = replicaUrl ? createDb(replicaUrl, { statementTimeoutMs, idleInTransactionTimeoutMs }) : null;
    globalForDb.leadstreamReadRouting = createReadRouting(db(), standby, { waitMs: standbyWaitMs });
  }
  return globalForDb.leadstreamReadRouting;
}

/**
 * The connections exports stream on, apart from the agents' pool: a BI tool running many slow
 * exports uses these up, never the connections the screens and commands need. On the standby when
 * one is configured (the export's horizon is still taken on the primary). A statement (one cursor
 * fetch) may take up to a minute; a slow client is bounded by the export's stall timeout.
 */
export function exportPool(): pg.Pool {
  if (!globalForDb.leadstreamExportPool) {
    const pool = new pg.Pool({
      connectionString: standbyUrl() ?? databaseUrl(),
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

/** The hot standby's address (DATABASE_REPLICA_URL), or null to read everything on the primary. */
function standbyUrl(): string | null {
  return process.env.DATABASE_REPLICA_URL?.trim() || null;
}
