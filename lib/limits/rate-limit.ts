// The one rate limiter: requests counted per key in fixed windows, in PostgreSQL, so a limit holds
// however many server processes share the database. Each hit is one atomic statement (an upsert
// that counts in the current window or starts a new one), so concurrent requests on any number of
// connections are counted exactly: never two "last allowed" requests. The window is the database's
// clock, not each process's. A fixed window lets a client spend its budget at the end of one window
// and again at the start of the next; for limits meant to stop floods and guessing, that is enough.
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';

export type Limit = {
  /** Requests allowed in one window. */
  readonly max: number;
  readonly windowSeconds: number;
};

export type Verdict =
  | { readonly allowed: true; readonly hits: number; readonly windowStart: Date }
  | { readonly allowed: false; readonly hits: number; readonly windowStart: Date; readonly retryAfterSeconds: number };

/** Counts one request for `key` and says whether it is within `limit`. `at` (tests) stands in for the database's clock. */
export async function hit(db: Db, key: string, limit: Limit, { at }: { at?: Date } = {}): Promise<Verdict> {
  const now = at ? Prisma.sql`${at.toISOString()}::timestamptz` : Prisma.sql`clock_timestamp()`;
  const window = limit.windowSeconds;
  const [row] = await db.$queryRaw<{ hits: number; window_start: Date; seconds_left: number }[]>`
    WITH moment AS (SELECT ${now} AS now)
    INSERT INTO request_counts AS counted (key, window_start, hits)
    SELECT ${key}, to_timestamp(floor(extract(epoch FROM now) / ${window}::int) * ${window}::int), 1 FROM moment
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN counted.window_start = EXCLUDED.window_start THEN counted.hits + 1 ELSE 1 END,
      window_start = EXCLUDED.window_start
    RETURNING hits, window_start,
      extract(epoch FROM window_start + make_interval(secs => ${window}::int) - (SELECT now FROM moment))::float8 AS seconds_left`;
  await forgetOldWindows(db);
  const { hits, window_start: windowStart } = row!;
  if (hits <= limit.max) return { allowed: true, hits, windowStart };
  return { allowed: false, hits, windowStart, retryAfterSeconds: Math.max(1, Math.ceil(row!.seconds_left)) };
}

/** Takes back a request counted in `windowStart` (a login that succeeded counts only its failures). */
export async function refund(db: Db, key: string, windowStart: Date): Promise<void> {
  await db.$executeRaw`UPDATE request_counts SET hits = hits - 1 WHERE key = ${key} AND window_start = ${windowStart} AND hits > 0`;
}

// Keys come and go (client addresses, tokens): rows of windows long past are deleted now and then,
// at most once every ten minutes per process, never on the way of the request that triggered it.
const FORGET_EVERY_MS = 10 * 60_000;
const KEEP = '1 day';
const globalForLimits = globalThis as unknown as { leadstreamLimitsForgotAt?: number };

async function forgetOldWindows(db: Db): Promise<void> {
  const last = globalForLimits.leadstreamLimitsForgotAt ?? 0;
  if (Date.now() - last < FORGET_EVERY_MS) return;
  globalForLimits.leadstreamLimitsForgotAt = Date.now();
  void db.$executeRaw`DELETE FROM request_counts WHERE window_start < clock_timestamp() - ${KEEP}::interval`.catch((error) => {
    console.warn('Could not delete old rate limit windows:', error);
  });
}
