// Database rows to CSV (RFC 4180) or NDJSON, as Node streams. Rows arrive as text from
// query.ts (JSON as JSON text, data fields already flattened); only events stored in an older
// shape are parsed here, to be upcast to the latest one.
import { Transform } from 'node:stream';
import type { EventRegistry } from '@/lib/event-store/registry';
import { csvLine, type CsvOptions } from '@/lib/present/csv';
import { exportColumns, flatValue, type ExportColumns } from './columns';

export type ExportFormat = 'csv' | 'ndjson';

/** query.ts's SELECT in array mode: 12 fixed columns, data and metadata as JSON text, then the flattened data fields. */
export type ExportRow = [
  position: string, tenant: string, streamType: string, streamId: string, version: number, type: string, storedSchemaVersion: number,
  occurredAt: string, actor: string | null, commandId: string | null, correlationId: string | null, causationId: string | null,
  data: string, metadata: string, ...flat: (string | null)[],
];

type Shaped = { schemaVersion: number; data: string; flat: (string | null)[] };

/** Turns rows into the cells of the export's formats, in every event type's latest shape. */
export function rowEncoder(registry: EventRegistry, columns: ExportColumns = exportColumns(registry)) {
  /** The event's data in its latest shape: as stored when current, upcast (registry.decode) when older. */
  function latestShape(row: ExportRow): Shaped {
    const [position, , , , , type, stored, , , , , , data] = row;
    const latest = registry.latestVersion(type);
    if (stored >= latest) return { schemaVersion: stored, data, flat: row.slice(14) as (string | null)[] };
    const upcast = registry.decode(type, stored, JSON.parse(data), `${type} at position ${position}`) as Record<string, unknown>;
    return { schemaVersion: latest, data: JSON.stringify(upcast), flat: columns.dataFields.map((field) => flatValue(upcast[field])) };
  }

  const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  return {
    csvCells(row: ExportRow): (string | number | null)[] {
      const shaped = latestShape(row);
      return [
        row[0], row[1], row[2], row[3], row[4], row[5], shaped.schemaVersion, row[6], row[7], row[8], row[9], row[10], row[11],
        ...shaped.flat, shaped.data, row[13],
      ];
    },
    ndjsonLine(row: ExportRow): string {
      const shaped = latestShape(row);
      return `{"position":"${row[0]}","tenant_id":${text(row[1])},"stream_type":${text(row[2])},"stream_id":${text(row[3])},`
        + `"version":${row[4]},"type":${text(row[5])},"schema_version":${shaped.schemaVersion},"stored_schema_version":${row[6]},`
        + `"occurred_at":"${row[7]}","actor":${text(row[8])},"command_id":${text(row[9])},"correlation_id":${text(row[10])},`
        + `"causation_id":${text(row[11])},"data":${shaped.data},"metadata":${row[13]}}\n`;
    },
  };
}

/**
 * Rows in, encoded text out: CSV with its header first, or one JSON object a line. CSV cells are
 * written as stored unless the file is for a spreadsheet (`spreadsheet`, see lib/present/csv.ts).
 */
export function encoder(format: ExportFormat, registry: EventRegistry, columns: ExportColumns = exportColumns(registry), csv: CsvOptions = {}): Transform {
  const rows = rowEncoder(registry, columns);
  const line = format === 'ndjson' ? rows.ndjsonLine : (row: ExportRow) => csvLine(rows.csvCells(row), csv);
  const encode = new Transform({ writableObjectMode: true, transform: (row: ExportRow, _encoding, done) => done(null, line(row)) });
  if (format === 'csv') encode.push(csvLine(columns.csvHeader));
  return encode;
}
