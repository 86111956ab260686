import { describe, expect, it } from 'vitest';
import { fileSizeError, MAX_FILE_BYTES, MAX_ROWS, parseCsv } from './csv';

describe('reading a CSV file', () => {
  it('splits the header from the rows, with quoted commas and a byte order mark', () => {
    const result = parseCsv('\uFEFFName,Phone\r\n"Doe, Jane",07911 123456\r\nJohn Roe,020 7946 0000\r\n');
    expect(result).toEqual({ ok: true, table: { headers: ['Name', 'Phone'], rows: [['Doe, Jane', '07911 123456'], ['John Roe', '020 7946 0000']] } });
  });

  it('reads files saved with semicolons, skips blank lines and pads short rows', () => {
    const result = parseCsv('Name;Email;Source\nJane;jane@example.com\n\n;;\nJohn;john@example.com;web\n');
    expect(result).toEqual({
      ok: true,
      table: { headers: ['Name', 'Email', 'Source'], rows: [['Jane', 'jane@example.com', ''], ['John', 'john@example.com', 'web']] },
    });
  });

  it('names columns without a header', () => {
    const result = parseCsv('Name,,\nJane,07911 123456,x\n');
    expect(result.ok && result.table.headers).toEqual(['Name', 'Column 2', 'Column 3']);
  });

  it('reads a file of a single column', () => {
    expect(parseCsv('Name\nJane\nJohn\n')).toEqual({ ok: true, table: { headers: ['Name'], rows: [['Jane'], ['John']] } });
  });

  it('refuses an empty file, a header without rows and a broken quote', () => {
    expect(parseCsv('')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(parseCsv('Name,Phone\n')).toEqual({ ok: false, error: 'The file has a header row but no rows under it.' });
    expect(parseCsv('Name,Phone\n"Jane,0791\n').ok).toBe(false);
  });

  it(`refuses more than ${MAX_ROWS} rows, saying how many there are`, () => {
    const text = `Name\n${'Jane\n'.repeat(MAX_ROWS + 1)}`;
    expect(parseCsv(text)).toEqual({ ok: false, error: 'The file has 10,001 rows; import at most 10,000 at a time (split the file).' });
    expect(parseCsv(`Name\n${'Jane\n'.repeat(MAX_ROWS)}`).ok).toBe(true);
  });
});

describe('the file size limit', () => {
  it('refuses empty files and files over 5 MB', () => {
    expect(fileSizeError(0)).toBe('The file is empty.');
    expect(fileSizeError(MAX_FILE_BYTES)).toBeNull();
    expect(fileSizeError(MAX_FILE_BYTES + 1)).toBe('The file is 5.0 MB; import at most 5 MB at a time (split the file).');
    expect(fileSizeError(8 * 1024 * 1024)).toMatch(/^The file is 8\.0 MB/);
  });
});
