import 'server-only';
// Operating settings read from the environment, each with its default, checked. Secrets and
// addresses (DATABASE_URL, BETTER_AUTH_*) stay with the modules that use them.
import { CONNECTION_BOUNDS } from '@/lib/db/client';

export type Settings = {
  /** Longest statement on the app's connections (ms; 0: none). */
  readonly statementTimeoutMs: number;
  /** Longest a transaction of the app may sit idle (ms; 0: none). */
  readonly idleInTransactionTimeoutMs: number;
  /** A read model further behind than this is an alert on the admin's System page (seconds). */
  readonly lagAlertSeconds: number;
  /** Connections this server process keeps for exports, apart from the agents' pool. */
  readonly exportConnections: number;
  /** Exports one API token or user may run at once, across every server process. */
  readonly exportsPerCaller: number;
  /** Exports one tenant may run at once, across every server process. */
  readonly exportsPerTenant: number;
  /** An export whose client reads nothing for this long is stopped (ms). */
  readonly exportStallMs: number;
};

/** Read on each call (a handful of lookups), so a changed environment takes effect at once. */
export function settings(): Settings {
  return {
    statementTimeoutMs: whole('LEADSTREAM_STATEMENT_TIMEOUT_MS', CONNECTION_BOUNDS.statementTimeoutMs),
    idleInTransactionTimeoutMs: whole('LEADSTREAM_IDLE_IN_TRANSACTION_TIMEOUT_MS', CONNECTION_BOUNDS.idleInTransactionTimeoutMs),
    lagAlertSeconds: whole('LEADSTREAM_LAG_ALERT_SECONDS', 30),
    exportConnections: whole('LEADSTREAM_EXPORT_CONNECTIONS', 8),
    exportsPerCaller: whole('LEADSTREAM_EXPORTS_PER_CALLER', 2),
    exportsPerTenant: whole('LEADSTREAM_EXPORTS_PER_TENANT', 4),
    exportStallMs: whole('LEADSTREAM_EXPORT_STALL_MS', 60_000),
  };
}

function whole(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number of 0 or more, not ${JSON.stringify(value)}`);
  return parsed;
}
