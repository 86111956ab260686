// What one exported event looks like: the fixed columns, then (CSV only) one `data.<field>` column
// per field of any registered event type, then the raw `data` and `metadata` JSON. The columns come
// from the registered event schemas, so a new event type or field gets its column with no change
// here, and the header is known before the first row is read: a file's columns never depend on
// which events it holds.
import type { EventRegistry } from '@/lib/event-store/registry';

export const BASE_COLUMNS = [
  'position', 'tenant_id', 'stream_type', 'stream_id', 'version', 'type', 'schema_version', 'stored_schema_version',
  'occurred_at', 'actor', 'command_id', 'correlation_id', 'causation_id',
] as const;

export type ExportColumns = {
  /** Every registered event type, in registration order: what the export page lists. */
  readonly eventTypes: readonly string[];
  /** Each becomes a `data.<field>` CSV column, in order of first appearance in the schemas. */
  readonly dataFields: readonly string[];
  readonly csvHeader: readonly string[];
};

export function exportColumns(registry: EventRegistry): ExportColumns {
  const dataFields = registry.dataFields();
  return {
    eventTypes: registry.types,
    dataFields,
    csvHeader: [...BASE_COLUMNS, ...dataFields.map((field) => `data.${field}`), 'data', 'metadata'],
  };
}

/** A data value as CSV text: strings as they are, null and absent as empty, anything else as JSON. */
export function flatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
