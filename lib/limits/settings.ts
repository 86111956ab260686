import 'server-only';
// How many requests a minute each limited thing may make, from the environment (README, "Accounts
// and access"). The defaults leave room for a busy dialer (hundreds of agents' calls through one
// token) and for whole offices logging in from one address; they stop floods, scrapers and
// password guessing. A variable set to `off` turns its limit off (read by lib/settings.ts).
import { headerSetting, limitSetting } from '@/lib/settings';
import type { AddressSources } from './client-address';
import { peerAddressesRecorded } from './peer-address';
import type { Limit } from './rate-limit';

export type LimitName = 'commands' | 'export' | 'export-count' | 'login-account' | 'login-address';

const SETTINGS: Record<LimitName, { readonly variable: string; readonly perMinute: number }> = {
  /** POST /api/commands, per API token. */
  commands: { variable: 'LEADSTREAM_COMMANDS_PER_MINUTE', perMinute: 6000 },
  /** GET /api/export, per API token (or user). */
  export: { variable: 'LEADSTREAM_EXPORTS_PER_MINUTE', perMinute: 60 },
  /** GET /api/export/count, per API token (or user). */
  'export-count': { variable: 'LEADSTREAM_EXPORT_COUNTS_PER_MINUTE', perMinute: 600 },
  /** Failed logins per account (the email tried). */
  'login-account': { variable: 'LEADSTREAM_LOGIN_ATTEMPTS_PER_ACCOUNT', perMinute: 10 },
  /** Failed logins per client address (an office behind one address shares it). */
  'login-address': { variable: 'LEADSTREAM_LOGIN_ATTEMPTS', perMinute: 60 },
};

/** The limit in force for `name`, or null when it is turned off. */
export function limitFor(name: LimitName): Limit | null {
  const { variable, perMinute } = SETTINGS[name];
  const max = limitSetting(variable, perMinute);
  return max === null ? null : { max, windowSeconds: 60 };
}

/**
 * Where client addresses come from: LEADSTREAM_TRUSTED_PROXY_HEADER names the header a proxy in
 * front of the app sets (X-Real-IP, or X-Forwarded-For when the proxy appends the address it saw);
 * unset, the connection's own peer.
 */
export function addressSources(): AddressSources {
  return { trustedHeader: headerSetting('LEADSTREAM_TRUSTED_PROXY_HEADER'), peerRecorded: peerAddressesRecorded() };
}
