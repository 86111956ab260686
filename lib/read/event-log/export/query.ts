// The SQL of an export: one tenant's events after a position, up to the horizon, in position order.
import { DATA_FIELDS } from './columns';
import type { ExportFilter } from './params';

export type SqlQuery = { text: string; values: unknown[] };

/**
 * PostgreSQL does the flattening (`->>`: text as is, null as NULL, anything else as JSON text) and
 * hands `data` and `metadata` over as text, so the Node side parses no JSON for current events.
 * Columns in the order `toExportRecord` reads them. The output column `position` is text: sort by
 * `events.position`, or PostgreSQL sorts by the text ('10' before '2').
 */
const SELECT = `SELECT position::text, tenant_id, stream_type, stream_id, version, type, schema_version,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  metadata->>'actor', metadata->>'commandId', metadata->>'correlationId', metadata->>'causationId',
  data::text, metadata::text, ${DATA_FIELDS.map((field) => `data->>'${field}'`).join(', ')}
  FROM events`;

function where(tenantId: string, after: bigint, horizon: bigint | null, filter: ExportFilter): SqlQuery {
  const values: unknown[] = [tenantId, after.toString()];
  const clauses = ['tenant_id = $1', 'position > $2::bigint'];
  const add = (clause: (n: string) => string, value: unknown) => {
    values.push(value);
    clauses.push(clause(`$${values.length}`));
  };
  if (horizon !== null) add((n) => `position <= ${n}::bigint`, horizon.toString());
  if (filter.from) add((n) => `occurred_at >= ${n}::timestamptz`, filter.from.toISOString());
  if (filter.to) add((n) => `occurred_at < ${n}::timestamptz`, filter.to.toISOString());
  if (filter.type?.length) add((n) => `type = ANY(${n}::text[])`, filter.type);
  if (filter.lead) add((n) => `stream_id = ${n}`, filter.lead);
  if (filter.actor) add((n) => `metadata->>'actor' = ${n}`, filter.actor);
  return { text: clauses.join(' AND '), values };
}

export function exportRowsQuery(tenantId: string, after: bigint, horizon: bigint, filter: ExportFilter): SqlQuery {
  const condition = where(tenantId, after, horizon, filter);
  return { text: `${SELECT} WHERE ${condition.text} ORDER BY events.position`, values: condition.values };
}

export function exportCountQuery(tenantId: string, after: bigint, filter: ExportFilter): SqlQuery {
  const condition = where(tenantId, after, null, filter);
  return { text: `SELECT count(*)::bigint::text AS count, coalesce(max(position), 0)::text AS last FROM events WHERE ${condition.text}`, values: condition.values };
}
