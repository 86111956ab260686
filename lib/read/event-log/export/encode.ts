// Database rows to CSV (RFC 4180) or NDJSON, as Node streams. Rows arrive as text from
// query.ts (JSON as JSON text, data fields already flattened); only events stored in an older
// shape are parsed here, to be upcast to the latest one.
import { Transform } from 'node:stream';
import { createUpcasterRegistry, type UpcasterRegistry } from '@/lib/event-store/upcasters';
import { leadEventSchemas } from '@/lib/leads/upcasters';
import { CSV_HEADER, DATA_FIELDS, flatValue } from './columns';

export type ExportFormat = 'csv' | 'ndjson';

/** Readers see the latest shape of each event type. */
export const exportUpcasters = createUpcasterRegistry(leadEventSchemas);

/** query.ts's SELECT in array mode: 12 fixed columns, data and metadata as JSON text, then the flattened data fields. */
export type ExportRow = [
  position: string, tenant: string, streamType: string, streamId: string, version: number, type: string, storedSchemaVersion: number,
  occurredAt: string, actor: string | null, commandId: string | null, correlationId: string | null, causationId: string | null,
  data: string, metadata: string, ...flat: (string | null)[],
];

type Shaped = { schemaVersion: number; data: string; flat: (string | null)[] };

/** The event's data in its latest shape: as stored when current, upcast when older. */
function latestShape(row: ExportRow, upcasters: UpcasterRegistry): Shaped {
  const [, , , , , type, stored, , , , , , data] = row;
  const latest = upcasters.latestVersion(type);
  if (stored >= latest) return { schemaVersion: stored, data, flat: row.slice(14) as (string | null)[] };
  const upcast = upcasters.upcast(type, stored, JSON.parse(data)) as Record<string, unknown>;
  return { schemaVersion: latest, data: JSON.stringify(upcast), flat: DATA_FIELDS.map((field) => flatValue(upcast[field])) };
}

export function toCsvCells(row: ExportRow, upcasters: UpcasterRegistry = exportUpcasters): (string | number | null)[] {
  const shaped = latestShape(row, upcasters);
  return [
    row[0], row[1], row[2], row[3], row[4], row[5], shaped.schemaVersion, row[6], row[7], row[8], row[9], row[10], row[11],
    ...shaped.flat, shaped.data, row[13],
  ];
}

const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

export function toNdjsonLine(row: ExportRow, upcasters: UpcasterRegistry = exportUpcasters): string {
  const shaped = latestShape(row, upcasters);
  return `{"position":"${row[0]}","tenant_id":${text(row[1])},"stream_type":${text(row[2])},"stream_id":${text(row[3])},`
    + `"version":${row[4]},"type":${text(row[5])},"schema_version":${shaped.schemaVersion},"stored_schema_version":${row[6]},`
    + `"occurred_at":"${row[7]}","actor":${text(row[8])},"command_id":${text(row[9])},"correlation_id":${text(row[10])},`
    + `"causation_id":${text(row[11])},"data":${shaped.data},"metadata":${row[13]}}\n`;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or an edge space,
 * quotes doubled. Written here rather than with csv-stringify, whose general per-field handling
 * made it the export's bottleneck (61,000 against 84,000 rows/s for 2M events, `npm run
 * bench:export`); the tests read every file back with csv-parse.
 */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | null)[]): string => `${cells.map(csvField).join(',')}\r\n`;

/** Rows in, encoded text out: CSV with its header first, or one JSON object a line. */
export function encoder(format: ExportFormat): Transform {
  const line = format === 'ndjson' ? toNdjsonLine : (row: ExportRow) => csvLine(toCsvCells(row));
  const encode = new Transform({ writableObjectMode: true, transform: (row: ExportRow, _encoding, done) => done(null, line(row)) });
  if (format === 'csv') encode.push(csvLine(CSV_HEADER));
  return encode;
}
