import { Prisma } from '@/lib/generated/prisma/client';
import type { EventMetadata, StoredEvent } from './types';
import type { UpcasterRegistry } from './upcasters';

/** The columns every event read selects, in the shape `toStoredEvent` expects. */
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

export function toStoredEvent(row: EventRow, upcasters: UpcasterRegistry): StoredEvent {
  const latest = upcasters.latestVersion(row.type);
  return {
    position: BigInt(row.position),
    txId: BigInt(row.tx_id),
    tenantId: row.tenant_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    version: row.version,
    type: row.type,
    schemaVersion: Math.max(row.schema_version, latest),
    data: upcasters.upcast(row.type, row.schema_version, row.data),
    metadata: row.metadata,
    occurredAt: new Date(row.occurred_at),
  };
}

/** PostgreSQL's unique_violation, whichever way the driver adapter wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: any = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (current.code === '23505' || current.code === 'P2002') return true;
    if (current.meta?.code === '23505' || current.meta?.driverAdapterError?.cause?.originalCode === '23505') return true;
    current = current.cause ?? current.meta?.driverAdapterError;
  }
  return /unique constraint|23505/i.test(String((error as Error)?.message ?? ''));
}
