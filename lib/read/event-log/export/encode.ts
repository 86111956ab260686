// Database rows to CSV (RFC 4180) or NDJSON text. Rows arrive as text from
// query.ts (JSON as JSON text); the CSV's data fields are read from the data's text
// (json-fields.ts), and only events stored in an older shape are parsed here, to be upcast to the
// latest one.
import type { EventRegistry } from '@/lib/event-store/registry';
import { csvFieldWriter, csvLine, type CsvOptions } from '@/lib/present/csv';
import { exportColumns, flatValue, type ExportColumns } from './columns';
import { readTopLevelFields } from './json-fields';

export type ExportFormat = 'csv' | 'ndjson';

/** query.ts's SELECT in array mode: 12 fixed columns, then data and metadata as JSON text. */
export type ExportRow = [
  position: string, tenant: string, streamType: string, streamId: string, version: number, type: string, storedSchemaVersion: number,
  occurredAt: string, actor: string | null, commandId: string | null, correlationId: string | null, causationId: string | null,
  data: string, metadata: string,
];

type Cell = string | number | null;

/** Turns rows into the lines of the export's formats, in every event type's latest shape. */
export function rowEncoder(registry: EventRegistry, columns: ExportColumns = exportColumns(registry)) {
  const fieldIndex = new Map(columns.dataFields.map((field, index) => [field, index]));
  const fields: (string | null)[] = columns.dataFields.map(() => null); // reused row after row, emptied after each
  const commas = Array.from({ length: columns.dataFields.length + 1 }, (_, n) => ','.repeat(n));

  /** The event's data upcast to its latest shape (registry.decode), or null when it is stored in it. */
  function upcast(row: ExportRow): Record<string, unknown> | null {
    const [position, , , , , type, stored, , , , , , data] = row;
    if (stored >= registry.latestVersion(type)) return null;
    return registry.decode(type, stored, JSON.parse(data), `${type} at position ${position}`) as Record<string, unknown>;
  }

  /**
   * The `data.<field>` cells, each after its comma. Most are empty (an event has a few of the
   * fields): runs of empty cells are runs of commas.
   */
  function dataCells(row: ExportRow, upcastData: Record<string, unknown> | null, field: (value: Cell) => string): string {
    if (upcastData) columns.dataFields.forEach((name, i) => (fields[i] = flatValue(upcastData[name])));
    else readTopLevelFields(row[12], fieldIndex, fields);
    let text = '';
    let empty = 0;
    for (let i = 0; i < fields.length; i++) {
      const value = fields[i]!;
      if (value === null) {
        empty++;
        continue;
      }
      fields[i] = null;
      text += `${commas[empty]},${field(value)}`;
      empty = 0;
    }
    return text + commas[empty];
  }

  const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  return {
    /** The CSV record (csvLine's rules, lib/present/csv.ts), the header's columns in order. */
    csvLine(row: ExportRow, field: (value: Cell) => string): string {
      const upcastData = upcast(row);
      const schemaVersion = upcastData ? registry.latestVersion(row[5]) : row[6];
      // Joined (one flat string), not concatenated: a fetch's lines wait in memory until the fetch
      // is encoded, and thousands of concatenation trees outlive the young generation.
      return [
        field(row[0]), field(row[1]), field(row[2]), field(row[3]), field(row[4]), field(row[5]), field(schemaVersion),
        field(row[6]), field(row[7]), field(row[8]), field(row[9]), field(row[10]), field(row[11]) + dataCells(row, upcastData, field),
        field(upcastData ? JSON.stringify(upcastData) : row[12]), `${field(row[13])}\r\n`,
      ].join(',');
    },
    ndjsonLine(row: ExportRow): string {
      const upcastData = upcast(row);
      const schemaVersion = upcastData ? registry.latestVersion(row[5]) : row[6];
      const data = upcastData ? JSON.stringify(upcastData) : row[12];
      return `{"position":"${row[0]}","tenant_id":${text(row[1])},"stream_type":${text(row[2])},"stream_id":${text(row[3])},`
        + `"version":${row[4]},"type":${text(row[5])},"schema_version":${schemaVersion},"stored_schema_version":${row[6]},`
        + `"occurred_at":"${row[7]}","actor":${text(row[8])},"command_id":${text(row[9])},"correlation_id":${text(row[10])},`
        + `"causation_id":${text(row[11])},"data":${data},"metadata":${row[13]}}\n`;
    },
  };
}

/**
 * The export's text: CSV with its header first, or one JSON object a line, for rows a fetch at a
 * time (a call per row through a stream stage cost more than writing the row). CSV cells are
 * written as stored unless the file is for a spreadsheet (`spreadsheet`, see lib/present/csv.ts).
 */
export function exportEncoding(format: ExportFormat, registry: EventRegistry, columns: ExportColumns = exportColumns(registry), csv: CsvOptions = {}) {
  const rows = rowEncoder(registry, columns);
  const field = csvFieldWriter(csv);
  const line = format === 'ndjson' ? rows.ndjsonLine : (row: ExportRow) => rows.csvLine(row, field);
  return {
    head: format === 'csv' ? csvLine(columns.csvHeader) : '',
    // Joined, not appended one by one: one flat string instead of a tree of thousands to collect.
    lines: (batch: readonly ExportRow[]): string => batch.map(line).join(''),
  };
}
