// The SQL of an export: one tenant's events after a position, up to the horizon, in position order.
import { Prisma } from '@/lib/generated/prisma/client';
import type { ExportFilter } from './params';

/**
 * PostgreSQL hands `data` and `metadata` over as text, so the Node side parses no JSON for current
 * events; the CSV's data fields are read from that text (json-fields.ts) rather than selected one
 * `->>` each, which doubled the database's work per row. Columns in the order `ExportRow` reads
 * them. The output column `position` is text: sort by `events.position`, or PostgreSQL sorts by the
 * text ('10' before '2').
 */
const SELECT = Prisma.sql`SELECT position::text, tenant_id, stream_type, stream_id, version, type, schema_version,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  metadata->>'actor', metadata->>'commandId', metadata->>'correlationId', metadata->>'causationId',
  data::text, metadata::text
  FROM events`;

function where(tenantId: string, after: bigint, horizon: bigint | null, filter: ExportFilter): Prisma.Sql {
  const clauses = [Prisma.sql`tenant_id = ${tenantId}`, Prisma.sql`position > ${after}`];
  if (horizon !== null) clauses.push(Prisma.sql`position <= ${horizon}`);
  if (filter.from) clauses.push(Prisma.sql`occurred_at >= ${filter.from}`);
  if (filter.to) clauses.push(Prisma.sql`occurred_at < ${filter.to}`);
  if (filter.type?.length) clauses.push(Prisma.sql`type = ANY(${filter.type}::text[])`);
  if (filter.lead) clauses.push(Prisma.sql`stream_id = ${filter.lead}`);
  if (filter.actor) clauses.push(Prisma.sql`metadata->>'actor' = ${filter.actor}`);
  return Prisma.join(clauses, ' AND ');
}

export function exportRowsQuery(tenantId: string, after: bigint, horizon: bigint, filter: ExportFilter): Prisma.Sql {
  return Prisma.sql`${SELECT} WHERE ${where(tenantId, after, horizon, filter)} ORDER BY events.position`;
}

export function exportCountQuery(tenantId: string, after: bigint, filter: ExportFilter): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::bigint::text AS count, coalesce(max(position), 0)::text AS last FROM events WHERE ${where(tenantId, after, null, filter)}`;
}
