// Writing CSV (RFC 4180): the one CSV writer, for the audit-log export and the analytics downloads.
// Written here rather than with csv-stringify, whose general per-field handling made it the export's
// bottleneck (61,000 against 84,000 rows/s for 2M events, `npm run bench:export`); the tests read
// every file back with csv-parse.

export type CsvOptions = {
  /**
   * The file is for a spreadsheet: a cell the spreadsheet would run as a formula (one starting with
   * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading single quote, as OWASP
   * recommends against CSV injection, so `=HYPERLINK(…)` shows as text instead of a link. A plain
   * number (`-12`, `+447911123456`, `-3.5`) is left as it is: a spreadsheet reads it as that number
   * and runs nothing. Without this option every cell is written exactly as it is (lossless).
   */
  readonly spreadsheet?: boolean;
};

type Cell = string | number | null;

/** Quoted when it holds a comma, a quote, a line break or an edge space (`\s`); quotes doubled. */
const QUOTED_CHARS = /[",\r\n]/;
const SPACE = /\s/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Whether the character at `at` is a space (`\s`): printable ASCII other than the space never is. */
function isSpaceAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code > 0x20 && code < 0x7f ? false : SPACE.test(text[at]!);
}

function csvField(value: Cell): string {
  if (value === null || value === '') return '';
  const text = typeof value === 'string' ? value : String(value);
  // Three cheap checks rather than one pattern with `\s$` in it, tried at every character.
  const quoted = QUOTED_CHARS.test(text) || isSpaceAt(text, 0) || isSpaceAt(text, text.length - 1);
  return quoted ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell as a spreadsheet will read it: text that would run as a formula is made plain text. */
export function spreadsheetCell(value: Cell): Cell {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

const spreadsheetField = (value: Cell) => csvField(spreadsheetCell(value));

/** How one cell is written (quoted when needed, neutralised for a spreadsheet): for writers of many lines. */
export const csvFieldWriter = (options: CsvOptions = {}): ((value: Cell) => string) => (options.spreadsheet ? spreadsheetField : csvField);

/** One record, CRLF-terminated. */
export const csvLine = (cells: readonly Cell[], options: CsvOptions = {}): string => `${cells.map(csvFieldWriter(options)).join(',')}\r\n`;

/** A whole table: the header row, then the rows. */
export const csvTable = (columns: readonly string[], rows: readonly (readonly string[])[], options: CsvOptions = {}): string =>
  [columns, ...rows].map((cells) => csvLine(cells, options)).join('');
