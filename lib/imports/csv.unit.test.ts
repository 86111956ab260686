import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { csvBatches, detectDelimiter } from './csv';
import { fileSizeError, MAX_FILE_BYTES } from './limits';

/** The text as an upload delivers it: in chunks of `size` bytes, cut anywhere (inside a character too). */
async function* upload(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function read(text: string, options?: { batchSize?: number; maxRows?: number }) {
  const batches = [];
  for await (const batch of csvBatches(upload(text), options)) batches.push(batch);
  return { headers: batches[0]?.headers, rows: batches.flatMap((batch) => batch.rows), firsts: batches.map((batch) => batch.first) };
}

async function refusal(text: string, options?: { maxRows?: number }): Promise<string> {
  try {
    await read(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const [issue] = (error as ValidationError).issues;
    expect(issue!.field).toBe('file');
    return 'message' in issue! ? issue.message : issue!.code;
  }
  throw new Error('the file should have been refused');
}

describe('reading a CSV file as it arrives', () => {
  it('splits the header from the rows, with quoted commas, line breaks in quotes and a byte order mark', async () => {
    const result = await read('\uFEFFName,Phone\r\n"Doe, Jane",07911 123456\r\n"Zoë\nØrsted",020 7946 0000\r\n');
    expect(result).toMatchObject({ headers: ['Name', 'Phone'], rows: [['Doe, Jane', '07911 123456'], ['Zoë\nØrsted', '020 7946 0000']] });
  });

  it('reads files saved with semicolons or tabs, and skips blank lines', async () => {
    expect(await read('Name;Email;Source\nJane;jane@example.com\n\n;;\nJohn;john@example.com;web\n')).toMatchObject({
      headers: ['Name', 'Email', 'Source'], rows: [['Jane', 'jane@example.com'], ['John', 'john@example.com', 'web']],
    });
    expect((await read('Name\tPhone\nJane, Jr.\t07911 123456\n')).rows).toEqual([['Jane, Jr.', '07911 123456']]);
  });

  it('names columns without a header, as wide as the widest row', async () => {
    expect((await read('Name,,\nJane,07911 123456,x,extra\n')).headers).toEqual(['Name', 'Column 2', 'Column 3', 'Column 4']);
  });

  it('reads a file of a single column, and quotes inside a cell as they stand', async () => {
    expect(await read('Name\nJane\nJohn\n')).toMatchObject({ headers: ['Name'], rows: [['Jane'], ['John']] });
    expect((await read('Name,Phone\nJane "JJ" Doe,07911 123456\n')).rows).toEqual([['Jane "JJ" Doe', '07911 123456']]);
  });

  it('hands the rows on in batches, each knowing where it starts', async () => {
    const text = `Name\n${Array.from({ length: 25 }, (_, i) => `Lead ${i}\n`).join('')}`;
    expect(await read(text, { batchSize: 10 })).toMatchObject({ firsts: [0, 10, 20], rows: expect.arrayContaining([['Lead 24']]) });
  });

  it('refuses an empty file, a header without rows and a broken quote, naming the line', async () => {
    expect(await refusal('')).toBe('The file is empty.');
    expect(await refusal('Name,Phone\n')).toBe('The file has a header row but no rows under it.');
    expect(await refusal('Name,Phone\nJane,07911 123456\n"Jane,0791\n')).toMatch(/^The file is not a valid CSV file \(line \d+: Quote Not Closed/);
  });

  it('refuses more rows than the limit, and takes exactly as many', async () => {
    const rows = (count: number) => `Name\n${'Jane\n'.repeat(count)}`;
    expect(await refusal(rows(11), { maxRows: 10 })).toBe('The file has more than 10 rows; import at most 10 at a time (split the file).');
    expect((await read(rows(10), { maxRows: 10 })).rows).toHaveLength(10);
  });

  it('refuses a row longer than 64 K characters instead of holding it', async () => {
    expect(await refusal(`Name,Notes\nJane,${'x'.repeat(70_000)}\n`)).toBe('Line 2 of the file is longer than 65,536 characters: is it a CSV file?');
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('"Name, full";Phone;Email')).toBe(';');
    expect(detectDelimiter('Name')).toBe(',');
    expect(detectDelimiter('Name|Phone')).toBe('|');
  });
});

describe('the file size limit', () => {
  it('refuses empty files and files over 256 MB', () => {
    expect(fileSizeError(0)).toBe('The file is empty.');
    expect(fileSizeError(MAX_FILE_BYTES)).toBeNull();
    expect(fileSizeError(MAX_FILE_BYTES + 1)).toBe('The file is 256.0 MB; import at most 256 MB at a time (split the file).');
    expect(fileSizeError(300 * 1024 * 1024)).toMatch(/^The file is 300\.0 MB/);
  });
});
