// What one exported event looks like: the fixed columns, then (CSV only) one `data.<field>` column
// per field any known event type carries, then the raw `data` and `metadata` JSON. The header is
// known before the first row is read, so a file's columns never depend on which events it holds.
import type { ImportEvent } from '@/lib/imports/import-stream';
import type { LeadEvent, LeadEventType } from '@/lib/leads/lead';

/** Every event type the app writes, in the order the export page lists them. */
export const EXPORT_EVENT_TYPES = [
  'LeadRegistered', 'NameChanged', 'PhoneAdded', 'PhoneRemoved', 'EmailAdded', 'EmailRemoved',
  'StatusChanged', 'FollowUpScheduled', 'FollowUpCleared', 'LeadAssigned', 'NoteAdded', 'CallOutcomeRecorded',
  'ImportStarted', 'ImportCompleted', 'ImportFailed',
] as const satisfies readonly (LeadEventType | ImportEvent['type'])[];

type KnownData = LeadEvent['data'] | ImportEvent['data'];
type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** The union of the known event types' data fields, each a `data.<field>` CSV column. */
export const DATA_FIELDS = [
  'leadId', 'name', 'previousName', 'phones', 'emails', 'phone', 'email', 'source', 'ownerId', 'previousOwnerId',
  'from', 'to', 'at', 'previousAt', 'reason', 'noteId', 'text', 'outcome', 'notes',
  'fileName', 'rows', 'validRows', 'by', 'imported', 'skipped',
] as const satisfies readonly KeysOfUnion<KnownData>[];

// A data field added to an event type without a column here fails the type check.
type MissingField = Exclude<KeysOfUnion<KnownData>, (typeof DATA_FIELDS)[number]>;
const everyFieldHasAColumn: [MissingField] extends [never] ? true : MissingField = true;
void everyFieldHasAColumn;

export const BASE_COLUMNS = [
  'position', 'tenant_id', 'stream_type', 'stream_id', 'version', 'type', 'schema_version', 'stored_schema_version',
  'occurred_at', 'actor', 'command_id', 'correlation_id', 'causation_id',
] as const;

export const CSV_HEADER: readonly string[] = [...BASE_COLUMNS, ...DATA_FIELDS.map((field) => `data.${field}`), 'data', 'metadata'];

/** One event as the export writes it (NDJSON keys are these names; CSV columns hold the same). */
export type ExportRecord = {
  position: string;
  tenant_id: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  /** The schema version of `data` as exported: the latest, after upcasting. */
  schema_version: number;
  /** The schema version the event was written with. */
  stored_schema_version: number;
  occurred_at: string;
  actor: string | null;
  command_id: string | null;
  correlation_id: string | null;
  causation_id: string | null;
  data: unknown;
  metadata: unknown;
};

/** A data value as CSV text: strings as they are, null and absent as empty, anything else as JSON. */
export function flatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function toCsvRow(record: ExportRecord): string[] {
  const data = (record.data && typeof record.data === 'object' ? record.data : {}) as Record<string, unknown>;
  const row: string[] = [
    record.position, record.tenant_id, record.stream_type, record.stream_id, String(record.version), record.type,
    String(record.schema_version), String(record.stored_schema_version), record.occurred_at,
    record.actor ?? '', record.command_id ?? '', record.correlation_id ?? '', record.causation_id ?? '',
  ];
  for (const field of DATA_FIELDS) row.push(flatValue(data[field]));
  row.push(JSON.stringify(record.data), JSON.stringify(record.metadata));
  return row;
}
