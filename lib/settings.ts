import 'server-only';
// Operating settings read from the environment, each with its default: the one place that reads
// and checks them (an unreadable value is reported once and the default used). Secrets and
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
  /**
   * With a standby (DATABASE_REPLICA_URL): longest a query waits for it to replay the caller's last
   * command before reading the primary instead (ms).
   */
  readonly standbyWaitMs: number;
};

/** Read on each call (a handful of lookups), so a changed environment takes effect at once. */
export function settings(): Settings {
  return {
    statementTimeoutMs: wholeSetting('LEADSTREAM_STATEMENT_TIMEOUT_MS', CONNECTION_BOUNDS.statementTimeoutMs),
    idleInTransactionTimeoutMs: wholeSetting('LEADSTREAM_IDLE_IN_TRANSACTION_TIMEOUT_MS', CONNECTION_BOUNDS.idleInTransactionTimeoutMs),
    lagAlertSeconds: wholeSetting('LEADSTREAM_LAG_ALERT_SECONDS', 30),
    exportConnections: wholeSetting('LEADSTREAM_EXPORT_CONNECTIONS', 8),
    exportsPerCaller: wholeSetting('LEADSTREAM_EXPORTS_PER_CALLER', 2),
    exportsPerTenant: wholeSetting('LEADSTREAM_EXPORTS_PER_TENANT', 4),
    exportStallMs: wholeSetting('LEADSTREAM_EXPORT_STALL_MS', 60_000),
    standbyWaitMs: wholeSetting('LEADSTREAM_STANDBY_WAIT_MS', 300),
  };
}

const reported = new Set<string>();

/** Says once that a variable could not be read, and what is used instead: a typo never takes the app down. */
function unreadable(variable: string, raw: string, what: string, instead: string): void {
  if (reported.has(variable)) return;
  reported.add(variable);
  console.warn(`${variable}=${JSON.stringify(raw)} is not ${what}: using ${instead}.`);
}

/** A whole number of 0 or more, or the fallback when unset or unreadable. */
export function wholeSetting(variable: string, fallback: number): number {
  const raw = process.env[variable]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (/^\d{1,12}$/.test(raw)) return Number(raw);
  unreadable(variable, raw, 'a whole number of 0 or more', String(fallback));
  return fallback;
}

/** A limit: a whole number above 0, `off` (null), or the fallback when unset or unreadable. */
export function limitSetting(variable: string, fallback: number): number | null {
  const raw = process.env[variable]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (raw.toLowerCase() === 'off') return null;
  if (/^\d{1,9}$/.test(raw) && Number(raw) > 0) return Number(raw);
  unreadable(variable, raw, 'a whole number above 0 (or "off")', String(fallback));
  return fallback;
}

/** An HTTP header name, lower-cased, or null when unset or unreadable. */
export function headerSetting(variable: string): string | null {
  const raw = process.env[variable]?.trim().toLowerCase();
  if (!raw) return null;
  if (/^[a-z0-9-]{1,100}$/.test(raw)) return raw;
  unreadable(variable, raw, 'a header name', 'none');
  return null;
}
