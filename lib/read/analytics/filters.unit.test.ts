import { describe, expect, it } from 'vitest';
import { bucketOf, parseAnalyticsFilters, toSearchString, windowOf } from './filters';

const NOW = new Date('2026-11-23T15:00:00Z');
const OPTIONS = { agents: [{ id: 'ana', name: 'Ana Lima' }], sources: ['web', 'referral'] };
const parse = (raw: Record<string, string | string[]>) => parseAnalyticsFilters(raw, OPTIONS, NOW);

describe('the analytics filters', () => {
  it('default to the last 90 days, today included, for everyone and every source', () => {
    expect(parse({})).toEqual({ filters: { from: '2026-08-26', to: '2026-11-23', agent: null, source: null }, problems: [] });
  });

  it('keep valid values, and treat empty ones as no filter', () => {
    expect(parse({ from: '2026-11-01', to: '2026-11-10', agent: 'ana', source: 'referral' }).filters).toEqual({ from: '2026-11-01', to: '2026-11-10', agent: 'ana', source: 'referral' });
    expect(parse({ agent: '', source: ' ' }).filters).toMatchObject({ agent: null, source: null });
  });

  it('name each bad filter and fall back to its default', () => {
    const { filters, problems } = parse({ from: '2026-02-30', to: 'soon', agent: 'zed', source: ['web', 'referral'] });
    expect(filters).toEqual({ from: '2026-08-26', to: '2026-11-23', agent: null, source: null });
    expect(problems.map((problem) => problem.message)).toEqual([
      'From: "2026-02-30" is not a date: use YYYY-MM-DD.',
      'To: "soon" is not a date: use YYYY-MM-DD.',
      'Agent: "zed" is not a user of your organisation.',
      'Source: give one value, not 2.',
    ]);
  });

  it('refuse a range that ends before it starts, or that is too long', () => {
    expect(parse({ from: '2026-11-10', to: '2026-11-01' }).problems).toEqual([{ filter: 'range', message: 'Date range: "From" (2026-11-10) is after "To" (2026-11-01).' }]);
    expect(parse({ from: '2020-01-01', to: '2026-11-01' }).problems.map((p) => p.filter)).toEqual(['range']);
  });

  it('turn the days into a UTC window, counted per day up to 45 days and per week beyond', () => {
    const short = parse({ from: '2026-11-01', to: '2026-11-14' }).filters;
    expect(windowOf(short)).toEqual({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-15T00:00:00Z') });
    expect(bucketOf(short)).toBe('day');
    expect(bucketOf(parse({}).filters)).toBe('week');
  });

  it('write the filters back into a query string', () => {
    expect(toSearchString({ from: '2026-11-01', to: '2026-11-14', agent: null, source: 'web' }, { at: '2026-11-23T15:00:00.000Z' }))
      .toBe('?from=2026-11-01&to=2026-11-14&source=web&at=2026-11-23T15%3A00%3A00.000Z');
  });
});
