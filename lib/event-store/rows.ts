import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import type { StoreContext, Tx } from './context';
import type { EventRegistry } from './registry';
import type { EventMetadata, StoredEvent } from './types';

/** The columns every event read selects, in the shape `decodeEvent` expects. */
export const EVENT_COLUMNS = Prisma.sql`position, tx_id::text AS tx_id, tenant_id, stream_id, stream_type, version,
  type, schema_version, data, metadata, occurred_at`;

export type EventRow = {
  position: bigint;
  tx_id: string;
  tenant_id: string;
  stream_id: string;
  stream_type: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  occurred_at: Date;
};

/** A stored row as readers see it: its data upcast to the latest shape and checked (registry.decode). */
export function decodeEvent(row: EventRow, registry: EventRegistry): StoredEvent {
  const position = BigInt(row.position);
  return {
    position,
    txId: BigInt(row.tx_id),
    tenantId: row.tenant_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    version: row.version,
    type: row.type,
    schemaVersion: Math.max(row.schema_version, registry.latestVersion(row.type)),
    data: registry.decode(row.type, row.schema_version, row.data, `${row.type} at position ${position}`),
    metadata: row.metadata,
    occurredAt: new Date(row.occurred_at),
  };
}

/** Rows as readers see them: personal values opened (or `[erased]`), then decoded. */
export async function decodeRows(ctx: StoreContext, rows: readonly EventRow[], reader: Db | Tx = ctx.db): Promise<StoredEvent[]> {
  const readable = ctx.personalData && rows.length > 0 ? await ctx.personalData.open(reader, rows) : rows;
  return readable.map((row) => decodeEvent(row, ctx.registry));
}
