// Plain-text tables: columns padded to their widest cell, numbers right-aligned.

export type Cell = string | number;

const show = (cell: Cell) => (typeof cell === 'number' ? cell.toLocaleString('en', { maximumFractionDigits: 2 }) : cell);

export function table(title: string, headers: string[], rows: Cell[][]): string {
  const cells = rows.map((row) => row.map(show));
  const widths = headers.map((header, col) => Math.max(header.length, ...cells.map((row) => row[col]!.length)));
  const line = (row: string[], numeric: boolean[]) =>
    row.map((cell, col) => (numeric[col] ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ');
  const numeric = headers.map((_, col) => rows.every((row) => typeof row[col] === 'number'));
  return [
    title,
    line(headers, numeric),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map((row) => line(row, numeric)),
    '',
  ].join('\n');
}
