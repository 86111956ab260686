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
