import { describe, expect, it } from 'vitest';
import { absoluteDue, relativeDue } from './due-time';

const now = new Date('2026-03-10T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('a due time relative to now', () => {
  it('counts whole units towards now, in the largest unit that fits', () => {
    expect(relativeDue(at('2026-03-10T15:30:00Z'), now)).toBe('in 3 hours');
    expect(relativeDue(at('2026-03-08T11:00:00Z'), now)).toBe('2 days ago');
    expect(relativeDue(at('2026-03-10T11:15:00Z'), now)).toBe('45 minutes ago');
    expect(relativeDue(at('2026-03-11T11:00:00Z'), now)).toBe('in 23 hours');
  });

  it('is "now" within a minute', () => {
    expect(relativeDue(at('2026-03-10T12:00:40Z'), now)).toBe('now');
  });
});

describe('an absolute due time', () => {
  it('is in UTC, with the year only when it is not this year', () => {
    expect(absoluteDue(at('2026-03-10T18:05:00Z'), now)).toBe('Tue 10 Mar, 18:05 UTC');
    expect(absoluteDue(at('2025-12-30T09:00:00Z'), now)).toBe('30 Dec 2025, 09:00 UTC');
  });
});
