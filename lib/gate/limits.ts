import 'server-only';
// The rate limits the gate applies to a caller it has let through (lib/limits): counted per API
// token, or per user for the endpoints sessions may call too.
import { db } from '@/lib/db';
import { hit } from '@/lib/limits/rate-limit';
import { limitFor, type LimitName } from '@/lib/limits/settings';
import type { Refusal } from './credentials';
import type { Principal } from './principal';

const WHAT: Record<LimitName, string> = {
  commands: 'commands',
  export: 'exports',
  'export-count': 'export counts',
  'login-account': 'login attempts for this account',
  'login-address': 'login attempts from your address',
};

/** Null when the request is within its limit; else the 429 to answer, with Retry-After. */
export async function rateLimitRefusal(name: LimitName, caller: Principal): Promise<Refusal | null> {
  const limit = limitFor(name);
  if (!limit) return null;
  const verdict = await hit(db(), `${name}:${caller.kind}:${caller.id}`, limit);
  if (verdict.allowed) return null;
  const holder = caller.kind === 'token' ? ' for one API token' : ' for one user';
  return tooMany(name, limit.max, limit.windowSeconds, verdict.retryAfterSeconds, holder);
}

/** The 429 for a limit passed: what, how many are allowed, and when to come back (also as Retry-After). */
export function tooMany(name: LimitName, max: number, windowSeconds: number, retryAfterSeconds: number, holder = ''): Refusal {
  const per = windowSeconds === 60 ? 'a minute' : `every ${windowSeconds} seconds`;
  return {
    error: { kind: 'rate-limited', message: `Too many ${WHAT[name]}: at most ${max} ${per}${holder}. Try again in ${retryAfterSeconds} s.` },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  };
}
