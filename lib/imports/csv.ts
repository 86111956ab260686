// Reading an uploaded CSV file into a header row and data rows. Pure: the browser runs it on the
// file the user picked, before anything is sent to the server.
import Papa from 'papaparse';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 10_000;

export type CsvTable = { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
export type CsvResult = { ok: true; table: CsvTable } | { ok: false; error: string };

const number = new Intl.NumberFormat('en-GB');

/** Why a file of this size is refused, or null if it may be read. */
export function fileSizeError(bytes: number): string | null {
  if (bytes === 0) return 'The file is empty.';
  if (bytes > MAX_FILE_BYTES) {
    return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; import at most ${MAX_FILE_BYTES / 1024 / 1024} MB at a time (split the file).`;
  }
  return null;
}

export function parseCsv(text: string): CsvResult {
  // The delimiter is detected, so files saved by a spreadsheet with ";" read as well as ",".
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  // A file with a single column has no delimiter to detect: that is not an error.
  const fatal = parsed.errors.find((error) => error.code !== 'UndetectableDelimiter');
  if (fatal) return { ok: false, error: `The file is not a valid CSV file (row ${(fatal.row ?? 0) + 1}: ${fatal.message}).` };
  const [header, ...rows] = parsed.data;
  if (!header) return { ok: false, error: 'The file is empty.' };
  if (rows.length === 0) return { ok: false, error: 'The file has a header row but no rows under it.' };
  if (rows.length > MAX_ROWS) {
    return { ok: false, error: `The file has ${number.format(rows.length)} rows; import at most ${number.format(MAX_ROWS)} at a time (split the file).` };
  }
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  const headers = Array.from({ length: width }, (_, index) => header[index]?.trim() || `Column ${index + 1}`);
  return { ok: true, table: { headers, rows: rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? '')) } };
}
