// Database rows to export records, and records to CSV (csv-stringify) or NDJSON, as Node streams.
import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { createUpcasterRegistry, type UpcasterRegistry } from '@/lib/event-store/upcasters';
import { leadEventSchemas } from '@/lib/leads/upcasters';
import { CSV_HEADER, toCsvRow, type ExportRecord } from './columns';

export type ExportFormat = 'csv' | 'ndjson';

/** Readers see the latest shape of each event type. */
export const exportUpcasters = createUpcasterRegistry(leadEventSchemas);

type Row = [string, string, string, string, number, string, number, string, string | null, string | null, string | null, string | null, unknown, unknown];

/** A row of query.ts's SELECT (array mode) as an export record, its data in the latest shape. */
export function toExportRecord(row: Row, upcasters: UpcasterRegistry = exportUpcasters): ExportRecord {
  const [position, tenant, streamType, streamId, version, type, storedSchemaVersion, occurredAt, actor, commandId, correlationId, causationId, data, metadata] = row;
  const latest = Math.max(upcasters.latestVersion(type), storedSchemaVersion);
  return {
    position, tenant_id: tenant, stream_type: streamType, stream_id: streamId, version, type,
    schema_version: latest,
    stored_schema_version: storedSchemaVersion,
    occurred_at: occurredAt,
    actor, command_id: commandId, correlation_id: correlationId, causation_id: causationId,
    data: storedSchemaVersion < latest ? upcasters.upcast(type, storedSchemaVersion, data) : data,
    metadata,
  };
}

/** Rows in, encoded text out (chunks of it): CSV with its header first, or one JSON object a line. */
export function encoder(format: ExportFormat): Transform[] {
  if (format === 'ndjson') {
    return [new Transform({
      writableObjectMode: true,
      transform(row: Row, _encoding, done) {
        done(null, `${JSON.stringify(toExportRecord(row))}\n`);
      },
    })];
  }
  const toCells = new Transform({
    objectMode: true,
    transform(row: Row, _encoding, done) {
      done(null, toCsvRow(toExportRecord(row)));
    },
  });
  toCells.push([...CSV_HEADER]);
  // RFC 4180: CRLF line ends; every field that needs it quoted, quotes doubled.
  return [toCells, stringify({ record_delimiter: 'windows', quoted_match: /^\s|\s$/ })];
}
