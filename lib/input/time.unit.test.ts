import { describe, expect, it } from 'vitest';
import { fromUtcInput, parseDay, parseInstant, toUtcInput } from './time';

describe('a day', () => {
  it('is YYYY-MM-DD of a day that exists', () => {
    expect(parseDay(' 2026-03-01 ')).toBe('2026-03-01');
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    for (const text of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-3-1', '01/03/2026', 'yesterday', '']) expect(parseDay(text), text).toBeNull();
  });
});

describe('a moment', () => {
  it('is an ISO date-time, read as UTC when it has no offset', () => {
    expect(parseInstant('2026-11-24T10:00')?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(parseInstant('2026-11-24 10:00:30')?.toISOString()).toBe('2026-11-24T10:00:30.000Z');
    expect(parseInstant('2026-11-24T10:00:00.123456+02:00')?.toISOString()).toBe('2026-11-24T08:00:00.123Z');
    expect(parseInstant('2026-11-24T10:00:00z')?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('refuses what is not one, and a day that does not exist inside a date-time', () => {
    for (const text of ['2026-02-30T10:00Z', '2026-11-24T24:00Z', '2026-11-24T10:60', '2026-11-24T10', 'tomorrow', '1732442400000', '']) {
      expect(parseInstant(text), text).toBeNull();
    }
  });

  it('takes a day alone only when asked, as its start or as the start of the next day', () => {
    expect(parseInstant('2026-03-31')).toBeNull();
    expect(parseInstant('2026-03-31', { day: 'start' })?.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(parseInstant('2026-03-31', { day: 'end' })?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('with `zone: required`, refuses a date-time without an offset', () => {
    expect(parseInstant('2026-03-01T10:00', { zone: 'required' })).toBeNull();
    expect(parseInstant('2026-03-01T10:00-05:00', { zone: 'required' })?.toISOString()).toBe('2026-03-01T15:00:00.000Z');
  });
});

describe('datetime-local values, read and written as UTC', () => {
  it('reads what was picked as a UTC instant', () => {
    expect(fromUtcInput('2026-11-24T10:00')).toBe('2026-11-24T10:00:00.000Z');
    expect(fromUtcInput('2026-11-24T10:00:30')).toBe('2026-11-24T10:00:30.000Z');
  });

  it('sends nothing for an empty input, and anything else as typed for the server to refuse', () => {
    expect(fromUtcInput('  ')).toBeNull();
    expect(fromUtcInput('tomorrow')).toBe('tomorrow');
  });

  it('writes an instant back to the minute', () => {
    expect(toUtcInput('2026-11-24T10:00:59.000Z')).toBe('2026-11-24T10:00');
    expect(toUtcInput(null)).toBe('');
  });
});
