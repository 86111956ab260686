// Pieces shared by the status history queries: time windows, status order and row conversions.
import { Prisma } from '@/lib/generated/prisma/client';
import { LEAD_STATUSES } from '@/lib/leads/lead';

/** A time window: `from` inclusive, `to` exclusive; either end may be open. */
export type TimeWindow = { readonly from?: Date; readonly to?: Date };

/** `AND column >= from AND column < to` for the ends that are given. `column` is a trusted identifier. */
export function inWindow(column: string, { from, to }: TimeWindow): Prisma.Sql {
  const name = Prisma.raw(column);
  return Prisma.sql`${from ? Prisma.sql`AND ${name} >= ${from}` : Prisma.empty} ${to ? Prisma.sql`AND ${name} < ${to}` : Prisma.empty}`;
}

/** Sorts statuses the way a lead moves through them rather than alphabetically. */
export const statusOrder = (column: string): Prisma.Sql =>
  Prisma.sql`array_position(ARRAY[${Prisma.join([...LEAD_STATUSES])}]::text[], ${Prisma.raw(column)})`;

export const iso = (value: Date): string => value.toISOString();
export const isoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** What the analytics figures can be narrowed to besides time: who made the change, and the lead's source. */
export type ActorAndSource = {
  /** Only what this user did (moved the lead, scheduled the callback): a user id. */
  readonly agent?: string;
  /** Only leads from this source (as the lead table has it now). */
  readonly source?: string;
};

/** `AND column = agent` when an agent is given. `column` is a trusted identifier. */
export const byAgent = (column: string, agent: string | undefined): Prisma.Sql =>
  agent === undefined ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${agent}`;

/** Joins the lead table to `alias` (a table with tenant_id and lead_id) when a source is given. */
export const fromSource = (alias: string, source: string | undefined): Prisma.Sql =>
  source === undefined
    ? Prisma.empty
    : Prisma.sql`JOIN leads src ON src.tenant_id = ${Prisma.raw(alias)}.tenant_id AND src.lead_id = ${Prisma.raw(alias)}.lead_id AND src.source = ${source}`;
