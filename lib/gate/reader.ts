import 'server-only';
// The one way a handler behind the gate gets the database its queries read: `reader(caller)`.
// Without a standby that is the primary, and nothing else happens here. With one
// (DATABASE_REPLICA_URL), the gate keeps each caller's last commit point, the primary's WAL
// position taken after their server action or non-GET route returned, so that their next query
// waits (bounded) for the standby to replay it, or reads the primary: whoever made a change sees it.
//
// The commit point travels two ways. A browser carries it in a short-lived cookie, so the next
// request sees it whichever server process answers. Every caller's is also kept in this process,
// for API tokens (no cookies) and for the page a server action re-renders within its own request.
import type { Db } from '@/lib/db/client';
import { readRouting } from '@/lib/db';
import { isLsn, laterLsn, type Lsn } from '@/lib/db/replica';
import type { Principal } from './principal';

export const READ_AFTER_COOKIE = 'leadstream-read-after';
/** Longer than any standby worth reading stays behind; afterwards a caller's reads no longer wait. */
const REMEMBER_SECONDS = 60;
const MOST_CALLERS_KEPT = 10_000;

export const READ_AFTER_COOKIE_OPTIONS = { path: '/', maxAge: REMEMBER_SECONDS, httpOnly: true, sameSite: 'lax' } as const;

// The commit point a request's cookie carried, by the caller the gate made of that request.
const arrivedWith = new WeakMap<Principal, Lsn>();
// Each caller's last commit point taken in this process.
const lastCommits = new Map<string, { lsn: Lsn; at: number }>();

const callerKey = (caller: Principal) => `${caller.kind}:${caller.id}`;

/** Notes the commit point the request's cookie carries, if any, for this caller's reads. */
export function noteReadAfter(caller: Principal, headers: Headers): void {
  const value = /(?:^|;\s*)leadstream-read-after=([^;]*)/.exec(headers.get('cookie') ?? '')?.[1];
  if (isLsn(value)) arrivedWith.set(caller, value);
}

/**
 * After a caller's server action or non-GET route: the primary's commit point now, kept for the
 * caller's next reads (null without a standby, at no cost). The gate hands it to the browser as
 * the cookie.
 */
export async function committed(caller: Principal): Promise<Lsn | null> {
  let lsn: Lsn | null;
  try {
    lsn = await readRouting().commitPoint();
  } catch {
    return null; // the change is made: a primary that stopped answering just now must not turn it into an error
  }
  if (!lsn) return null;
  const now = Date.now();
  if (lastCommits.size >= MOST_CALLERS_KEPT) {
    for (const [key, kept] of lastCommits) if (now - kept.at > REMEMBER_SECONDS * 1000) lastCommits.delete(key);
  }
  if (lastCommits.size >= MOST_CALLERS_KEPT) lastCommits.delete(lastCommits.keys().next().value!);
  lastCommits.set(callerKey(caller), { lsn: laterLsn(lastCommits.get(callerKey(caller))?.lsn, lsn)!, at: now });
  return lsn;
}

/** The cookie (Set-Cookie's value) that carries a commit point to the browser's next requests. */
export function readAfterCookie(lsn: Lsn): string {
  return `${READ_AFTER_COOKIE}=${lsn}; Path=/; Max-Age=${REMEMBER_SECONDS}; HttpOnly; SameSite=Lax`;
}

/**
 * The database this caller's queries read: the standby once it has replayed the caller's last
 * command (at once when there is none to wait for), else the primary.
 */
export async function reader(caller: Principal): Promise<Db> {
  const routing = readRouting();
  if (!routing.replicated) return routing.primary;
  const key = callerKey(caller);
  let kept = lastCommits.get(key);
  if (kept && Date.now() - kept.at > REMEMBER_SECONDS * 1000) {
    lastCommits.delete(key);
    kept = undefined;
  }
  const after = laterLsn(arrivedWith.get(caller), kept?.lsn);
  const chosen = await routing.reader(after);
  // The standby holds it now: this caller's next reads need not ask again (unless a newer change came meanwhile).
  if (chosen.server === 'standby' && kept && lastCommits.get(key) === kept) lastCommits.delete(key);
  return chosen.db;
}
