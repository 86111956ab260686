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

/** A data value as CSV text: strings as they are, null and absent as empty, anything else as JSON. */
export function flatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
