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

/** A Prisma.sql statement as `pg` takes it: `$1`-numbered text and its values. */
export const toPgQuery = (sql: Prisma.Sql): { text: string; values: unknown[] } => ({ text: sql.text, values: sql.values });

/** The slice of a `pg` client (or pool) that runs a statement. */
export type PgQueryable = { query<Row = any>(text: string, values?: unknown[]): Promise<{ rows: Row[] }> };

export async function pgQuery<Row>(client: PgQueryable, sql: Prisma.Sql): Promise<Row[]> {
  const { text, values } = toPgQuery(sql);
  return (await client.query<Row>(text, values)).rows;
}

const UNIQUE_VIOLATION = '23505';

/** PostgreSQL's unique_violation (SQLSTATE 23505), however many layers the driver adapter wrapped it in. */
export function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: any = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (current.code === UNIQUE_VIOLATION || current.originalCode === UNIQUE_VIOLATION || current.meta?.code === UNIQUE_VIOLATION) return true;
    current = current.cause ?? current.meta?.driverAdapterError;
  }
  return false;
}
