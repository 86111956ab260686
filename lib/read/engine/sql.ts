// Writing a batch of rows in one statement: the rows travel as one jsonb parameter and are unpacked
// with jsonb_to_recordset, so a batch of any size is a single round trip.
import { Prisma } from '@/lib/generated/prisma/client';
import { ident } from '@/lib/db/sql';
import type { RowWrite, Tx } from '@/lib/event-store';

export type Column = readonly [name: string, sqlType: string];


/** The recordset of `rows` (objects keyed by column name) as a FROM item aliased `r`. */
export function recordset(rows: readonly object[], columns: readonly Column[]) {
  const shape = Prisma.join(columns.map(([name, type]) => Prisma.sql`${ident(name)} ${Prisma.raw(sqlType(type))}`));
  return Prisma.sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${shape})`;
}

/**
 * INSERT ... ON CONFLICT (keys) DO UPDATE every other column, optionally only WHERE a guard holds
 * (SQL of ours over the table and `excluded`), as a statement that takes the rows as its one
 * parameter: run here, or handed to the append to run in its own statement.
 */
export function upsertStatement(
  table: string,
  columns: readonly Column[],
  keys: readonly string[],
  rows: readonly object[],
  guard?: string,
): RowWrite {
  const names = columns.map(([name]) => ident(name).text).join(', ');
  const shape = columns.map(([name, type]) => `${ident(name).text} ${sqlType(type)}`).join(', ');
  const updates = columns.filter(([name]) => !keys.includes(name)).map(([name]) => `${ident(name).text} = excluded.${ident(name).text}`).join(', ');
  const sql =
    `INSERT INTO ${ident(table).text} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${shape}) ` +
    `ON CONFLICT (${keys.map((key) => ident(key).text).join(', ')}) DO UPDATE SET ${updates}${guard ? ` WHERE ${guard}` : ''}`;
  return { sql, rows };
}

/** The same upsert, run now in the given transaction. */
export async function upsertRows(tx: Tx, table: string, columns: readonly Column[], keys: readonly string[], rows: readonly object[], guard?: string): Promise<void> {
  await runWrites(tx, [upsertStatement(table, columns, keys, rows, guard)]);
}

/** Runs row writes in the given transaction (a rebuild's; an append hands them to the store instead). */
export async function runWrites(tx: Tx, writes: readonly RowWrite[]): Promise<void> {
  for (const write of writes) if (write.rows.length > 0) await tx.$executeRawUnsafe(write.sql, JSON.stringify(write.rows));
}

/** INSERT ... ON CONFLICT (keys) DO UPDATE adding each other column to what the row holds: counters kept by key. */
export async function addToRows(tx: Tx, table: string, columns: readonly Column[], keys: readonly string[], rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Prisma.join(columns.map(([name]) => ident(name)));
  const sums = Prisma.join(
    columns.filter(([name]) => !keys.includes(name)).map(([name]) => Prisma.sql`${ident(name)} = ${ident(table)}.${ident(name)} + excluded.${ident(name)}`),
  );
  await tx.$executeRaw`
    INSERT INTO ${ident(table)} (${names})
    SELECT ${names} FROM ${recordset(rows, columns)}
    ON CONFLICT (${Prisma.join(keys.map(ident))}) DO UPDATE SET ${sums}`;
}

/**
 * The leads these events touch (in order, each once) that may already have rows: those whose first
 * event here is not their stream's first. A lead registered in the batch has none yet.
 */
export function leadsWithRows(events: readonly { tenantId: string; streamId: string; version: number }[]): { tenant_id: string; lead_id: string }[] {
  const seen = new Set<string>();
  const leads: { tenant_id: string; lead_id: string }[] = [];
  for (const event of events) {
    const key = `${event.tenantId}\u0000${event.streamId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (event.version > 1) leads.push({ tenant_id: event.tenantId, lead_id: event.streamId });
  }
  return leads;
}

/** Rows of `table` whose (tenant_id, lead_id) is among `leads`, with extra conditions. */
export async function selectByLeads<Row>(
  tx: Tx,
  table: string,
  leads: readonly { tenant_id: string; lead_id: string }[],
  where: Prisma.Sql = Prisma.empty,
): Promise<Row[]> {
  if (leads.length === 0) return [];
  return tx.$queryRaw<Row[]>`
    SELECT t.* FROM ${ident(table)} t
    JOIN ${recordset(leads, [['tenant_id', 'text'], ['lead_id', 'text']])} ON t.tenant_id = r.tenant_id AND t.lead_id = r.lead_id
    ${where}`;
}

/** A column type of ours, as written in a Column: never user input. */
function sqlType(type: string): string {
  if (!/^[a-z0-9]+(\[\])?$/.test(type)) throw new Error(`Unexpected SQL type ${type}`);
  return type;
}
