import { Prisma } from '@/lib/generated/prisma/client';
import type { StoreContext } from './context';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './rows';
import type { StoredEvent } from './types';

export type ReadStreamOptions = {
  readonly fromVersion?: number;
  readonly toVersion?: number;
  /** Only events that had occurred by this moment: the stream as it stood then. */
  readonly asOf?: Date;
  readonly direction?: 'forward' | 'backward';
  readonly limit?: number;
};

export async function readStream(
  ctx: StoreContext,
  tenantId: string,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<StoredEvent[]> {
  const { fromVersion = 1, toVersion, asOf, direction = 'forward', limit } = options;
  const rows = await ctx.db.$queryRaw<EventRow[]>`
    SELECT ${EVENT_COLUMNS} FROM events
    WHERE tenant_id = ${tenantId} AND stream_id = ${streamId} AND version >= ${fromVersion}
      ${toVersion === undefined ? Prisma.empty : Prisma.sql`AND version <= ${toVersion}`}
      ${asOf === undefined ? Prisma.empty : Prisma.sql`AND occurred_at <= ${asOf}`}
    ORDER BY version ${direction === 'forward' ? Prisma.sql`ASC` : Prisma.sql`DESC`}
    ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map((row) => toStoredEvent(row, ctx.upcasters));
}

/** The stream's current version, or null when it has no events. */
export async function streamVersion(ctx: StoreContext, tenantId: string, streamId: string): Promise<number | null> {
  const rows = await ctx.db.$queryRaw<{ version: number }[]>`
    SELECT version FROM streams WHERE tenant_id = ${tenantId} AND stream_id = ${streamId}`;
  return rows[0]?.version ?? null;
}
