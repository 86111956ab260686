import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, csvTable } from './csv';

/** The file read back by an independent parser, as a spreadsheet import or a BI tool would. */
const readBack = (text: string) => parse(text) as string[][];

const HOSTILE = [
  '=HYPERLINK("http://evil.example","x")',
  '+SUM(1,2)',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
];

describe('the CSV writer', () => {
  it('writes every cell as it is by default: what is read back is what was written', () => {
    const rows = [HOSTILE, ['Zoë "Zed", Jr.', 'line\r\nbreak', '  edge  ', '-12', '+447911123456', '']];
    const text = csvTable(HOSTILE.map((_, index) => `column ${index}`), rows);
    expect(readBack(text).slice(1)).toEqual(rows);
  });

  it('for a spreadsheet, makes each cell that would run as a formula plain text with a leading single quote', () => {
    const text = csvTable(['name'], HOSTILE.map((cell) => [cell]), { spreadsheet: true });
    expect(readBack(text).slice(1).map(([cell]) => cell)).toEqual(HOSTILE.map((cell) => `'${cell}`));
  });

  it('for a spreadsheet, leaves plain numbers, signed ones included, and every other cell as they are', () => {
    const cells = ['-12', '+447911123456', '-3.5', '0', 'Jane = Doe', 'jane@example.com', "'quoted", '', 'Zoë "Zed", Jr.'];
    expect(readBack(csvLine(cells, { spreadsheet: true }))[0]).toEqual(cells);
    expect(csvLine([-4, 12.5, null], { spreadsheet: true })).toBe('-4,12.5,\r\n');
  });

  it('for a spreadsheet, neutralises a number followed by anything else: "-1+1" would be computed', () => {
    expect(readBack(csvLine(['-1+1', '+44 7911 123456', '-07911 123456'], { spreadsheet: true }))[0]).toEqual(["'-1+1", "'+44 7911 123456", "'-07911 123456"]);
  });

  it('quotes a neutralised cell that needs quoting, with the single quote inside the quotes', () => {
    expect(csvLine(['=HYPERLINK("http://evil.example","x")'], { spreadsheet: true })).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"\r\n');
  });

  it('quotes exactly the cells with a comma, a quote, a line break or a space (any \\s) at either end', () => {
    const quoted = /[",\r\n]|^\s|\s$/;
    const cell = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom(' a', 'a\u00a0', '\u3000', '\ufeffx', 'x\t', 'plain', ''));
    fc.assert(fc.property(fc.array(cell, { maxLength: 5 }), (cells) => {
      const expected = cells.map((text) => (text !== '' && quoted.test(text) ? `"${text.replaceAll('"', '""')}"` : text)).join(',');
      expect(csvLine(cells)).toBe(`${expected}\r\n`);
    }), { numRuns: 2000 });
  });
});
