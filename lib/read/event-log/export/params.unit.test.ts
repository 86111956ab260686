import { describe, expect, it } from 'vitest';
import { flatValue } from './columns';
import { parseExportParams } from './params';

const parse = (query: string) => parseExportParams(new URLSearchParams(query));

describe('export parameters', () => {
  it('default to CSV of everything, uncompressed, from the start', () => {
    expect(parse('')).toEqual({ ok: true, params: { format: 'csv', gzip: false, after: 0n } });
  });

  it('read a date-only `to` as the end of that day, and take event types repeated or comma-separated', () => {
    const result = parse('format=ndjson&gzip=1&after=42&from=2026-03-01&to=2026-03-31&type=NoteAdded,StatusChanged&type=NameChanged&actor=ana&from=');
    expect(result).toEqual({
      ok: true,
      params: {
        format: 'ndjson', gzip: true, after: 42n, actor: 'ana',
        from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z'),
        type: ['NoteAdded', 'StatusChanged', 'NameChanged'],
      },
    });
    expect(parse('from=2026-03-01T10:00:00+02:00')).toMatchObject({ ok: true, params: { from: new Date('2026-03-01T08:00:00Z') } });
  });

  it('ask for a CSV meant for a spreadsheet only when told, and for CSV only', () => {
    expect(parse('spreadsheet=true')).toMatchObject({ ok: true, params: { format: 'csv', spreadsheet: true } });
    expect(parse('spreadsheet=0')).toMatchObject({ ok: true, params: { spreadsheet: false } });
    expect(parse('spreadsheet=yes')).toEqual({ ok: false, parameter: 'spreadsheet', message: 'spreadsheet must be true or false' });
    expect(parse('format=ndjson&spreadsheet=true')).toEqual({ ok: false, parameter: 'spreadsheet', message: 'spreadsheet applies to format=csv only' });
  });

  it('name the first bad parameter', () => {
    expect(parse('format=csv&after=1.5')).toEqual({ ok: false, parameter: 'after', message: 'after must be a position: a whole number, 0 or more' });
    expect(parse('from=2026-03-01T10:00')).toMatchObject({ ok: false, parameter: 'from' });
    expect(parse('limit=5')).toEqual({ ok: false, parameter: 'limit', message: 'Unknown parameter: limit' });
  });
});

describe('flattened data values', () => {
  it('keep text as it is, leave null empty and write anything else as JSON', () => {
    expect(flatValue('a, "b"\n')).toBe('a, "b"\n');
    expect(flatValue(null)).toBe('');
    expect(flatValue(undefined)).toBe('');
    expect(flatValue(3)).toBe('3');
    expect(flatValue([{ e164: '+44', raw: '0' }])).toBe('[{"e164":"+44","raw":"0"}]');
  });
});
