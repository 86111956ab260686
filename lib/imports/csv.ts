// Reading an uploaded CSV file as it arrives: the header row, then the rows in batches, parsed by
// csv-parse while the upload streams in. Nothing holds the whole file: a batch is handed on before
// the next bytes are read, so a slow reader slows the upload instead of filling the memory.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ValidationError } from '@/lib/errors';
import { MAX_ROW_CHARACTERS, MAX_ROWS } from './limits';


export type CsvBatch = {
  readonly headers: readonly string[];
  /** Index of the batch's first row among the file's rows (the header is not a row). */
  readonly first: number;
  readonly rows: readonly (readonly string[])[];
};

const number = new Intl.NumberFormat('en-GB');
const fileError = (message: string) => new ValidationError([{ field: 'file', message }]);

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter a spreadsheet saved the file with: the one the header line uses most, outside quotes. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of firstLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  return DELIMITERS.reduce((best, delimiter) => (counts.get(delimiter)! > counts.get(best)! ? delimiter : best), ',');
}

/** The first line of the upload (the header), reading no more than one row's worth of bytes. */
async function readHead(chunks: AsyncIterator<Uint8Array>): Promise<{ head: Buffer[]; firstLine: string }> {
  const head: Buffer[] = [];
  let size = 0;
  while (size < MAX_ROW_CHARACTERS * 4) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(Buffer.from(next.value));
    size += next.value.byteLength;
    if (next.value.includes(0x0a)) break;
  }
  const text = Buffer.concat(head).toString('utf8').replace(/^\uFEFF/, '');
  return { head, firstLine: text.split(/\r?\n/, 1)[0] ?? '' };
}

/**
 * The file's rows in batches, each with the header row's column names. Refuses (ValidationError on
 * `file`) a file that is empty, has no rows, more than MAX_ROWS of them, or is not valid CSV.
 */
export async function* csvBatches(upload: AsyncIterable<Uint8Array>, { batchSize = 1000, maxRows = MAX_ROWS } = {}): AsyncGenerator<CsvBatch> {
  const source = upload[Symbol.asyncIterator]();
  const { head, firstLine } = await readHead(source);
  const input = Readable.from((async function* () {
    try {
      yield* head;
      for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    } finally {
      // Parsing stopped early (a bad row, too many rows): the rest of the upload is not read.
      await source.return?.();
    }
  })());
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(firstLine),
    relax_column_count: true,
    // "Jane "JJ" Doe" unquoted, as spreadsheets and hand-made files write it, is read as it stands.
    relax_quotes: true,
    skip_empty_lines: true,
    // ";;" rows, left by a spreadsheet below the data, are blank rows.
    skip_records_with_empty_values: true,
    max_record_size: MAX_ROW_CHARACTERS,
  });
  // An upload that fails (too large, cut off) fails the parse with its own error.
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let headers: string[] | null = null;
  let rows: string[][] = [];
  let first = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (headers === null) {
        headers = record;
        continue;
      }
      if (first + rows.length >= maxRows) throw fileError(`The file has more than ${number.format(maxRows)} rows; import at most ${number.format(maxRows)} at a time (split the file).`);
      rows.push(record);
      if (rows.length === batchSize) {
        // The first batch names the columns: as many as the header or the widest of its rows.
        if (first === 0) headers = columnNames(headers, rows);
        yield { headers, first, rows };
        first += rows.length;
        rows = [];
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw fileError(csvErrorText(error));
    throw error;
  } finally {
    input.destroy();
  }
  if (headers === null) throw fileError('The file is empty.');
  if (first === 0 && rows.length === 0) throw fileError('The file has a header row but no rows under it.');
  if (rows.length > 0) yield { headers: first === 0 ? columnNames(headers, rows) : headers, first, rows };
}

function columnNames(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  return Array.from({ length: width }, (_, index) => header[index]?.trim() || `Column ${index + 1}`);
}

function csvErrorText(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines ?? '?';
  if (error.code === 'CSV_MAX_RECORD_SIZE') return `Line ${line} of the file is longer than ${number.format(MAX_ROW_CHARACTERS)} characters: is it a CSV file?`;
  return `The file is not a valid CSV file (line ${line}: ${error.message}).`;
}
