import { Prisma } from '@/lib/generated/prisma/client';
import type { StoreContext } from './context';
import { EVENT_COLUMNS, decodeRows, type EventRow } from './rows';
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
  return decodeRows(ctx, rows);
}

/** The stream's current version, or null when it has no events. */
export async function streamVersion(ctx: StoreContext, tenantId: string, streamId: string): Promise<number | null> {
  const row = await ctx.db.stream.findUnique({ where: { tenantId_streamId: { tenantId, streamId } }, select: { version: true } });
  return row?.version ?? null;
}

/** Every event of the given streams, stream by stream in version order (for per-stream rebuilds). */
export async function readStreams(
  ctx: StoreContext,
  streams: readonly { tenantId: string; streamId: string }[],
): Promise<StoredEvent[]> {
  if (streams.length === 0) return [];
  const keys = JSON.stringify(streams.map((s) => ({ tenant_id: s.tenantId, stream_id: s.streamId })));
  const rows = await ctx.db.$queryRaw<EventRow[]>`
    SELECT ${EVENT_COLUMNS} FROM events
    JOIN jsonb_to_recordset(${keys}::jsonb) AS k(tenant_id text, stream_id text) USING (tenant_id, stream_id)
    ORDER BY tenant_id, stream_id, version`;
  return decodeRows(ctx, rows);
}
