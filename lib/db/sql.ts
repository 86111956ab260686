// The one way to write SQL by hand: Prisma.sql templates (values always as parameters), identifiers
// only through `ident`, and for the few places that need a raw `pg` client (cursor streams, LISTEN,
// the export horizon) the same template turned into `pg`'s text and values.
import { Prisma } from '@/lib/generated/prisma/client';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table, index or database name, quoted, after checking it is one of ours: never user input. */
export function ident(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Unexpected SQL identifier ${JSON.stringify(name)}`);
  return Prisma.raw(`"${name}"`);
}

/**
 * Put first in a statement to have it sent as a named prepared statement (the adapter mend in
 * patches/@prisma+adapter-pg): PostgreSQL parses it once per connection and may keep its plan,
 * where Prisma's adapter otherwise sends every statement unnamed, parsed and planned on each call.
 * Only for a few fixed texts on a hot path: each connection keeps every one it has seen.
 */
export const PREPARED = Prisma.raw('/* leadstream:prepare */ ');

/** A Prisma.sql statement as `pg` takes it: `$1`-numbered text and its values. */
export const toPgQuery = (sql: Prisma.Sql): { text: string; values: unknown[] } => ({ text: sql.text, values: sql.values });

/** The slice of a `pg` client (or pool) that runs a statement. */
export type PgQueryable = { query<Row = any>(text: string, values?: unknown[]): Promise<{ rows: Row[] }> };

/** A Prisma client as a `PgQueryable`, for code written for `pg` that runs on the app's pool (the export's horizon on the primary). */
export const prismaQueryable = (db: { $queryRawUnsafe<T>(text: string, ...values: unknown[]): Promise<T> }): PgQueryable => ({
  query: async <Row>(text: string, values: unknown[] = []) => ({ rows: await db.$queryRawUnsafe<Row[]>(text, ...values) }),
});

export async function pgQuery<Row>(client: PgQueryable, sql: Prisma.Sql): Promise<Row[]> {
  const { text, values } = toPgQuery(sql);
  return (await client.query<Row>(text, values)).rows;
}

const UNIQUE_VIOLATION = '23505';

/** PostgreSQL's unique_violation (SQLSTATE 23505), however many layers the driver adapter wrapped it in. */
export const isUniqueViolation = (error: unknown): boolean => withSqlState(error, UNIQUE_VIOLATION) !== undefined;

/** The PostgreSQL error with this SQLSTATE (its `message` as the server gave it), if the error is or wraps one. */
export const withSqlState = (error: unknown, state: string): { message?: string } | undefined =>
  [...errorChain(error)].find((e) => sqlState(e) === state);

// Text the database cannot hold: a NUL character (22021 for a text parameter, 22P05 for `\u0000` in jsonb).
const UNSTORABLE_TEXT_STATES = ['22021', '22P05'];

/** The database refused a value's characters (a NUL that got past the entry points): bad input, nothing stored. */
export const isUnstorableText = (error: unknown): boolean => UNSTORABLE_TEXT_STATES.some((state) => withSqlState(error, state) !== undefined);

// The server shutting down or starting up (57P01-03), connection failures (class 08), too many clients (53300).
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
// The driver adapter's names for the same, Prisma's own codes for them, and Node's socket errors.
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** The database is down, restarting or out of connections: nothing was done, and trying again later may work. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of errorChain(error)) {
    const state = sqlState(e);
    if (state && UNAVAILABLE_STATES.has(state)) return true;
    if (UNAVAILABLE_KINDS.has(e.kind) || UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && /^Connection terminated/.test(e.message)) return true; // pg's own words for a cut socket
  }
  return false;
}

const sqlState = (e: any): string | undefined => e.originalCode ?? e.meta?.code ?? (e.kind === 'postgres' ? e.code : /^[0-9A-Z]{5}$/.test(e.code ?? '') ? e.code : undefined);

/** The error and each error it wraps: Prisma's driver adapter error and its cause, and `cause` chains. */
function* errorChain(error: unknown): Generator<any> {
  const seen = new Set<unknown>();
  const queue: any[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    yield current;
    queue.push(current.meta?.driverAdapterError, current.cause);
  }
}
