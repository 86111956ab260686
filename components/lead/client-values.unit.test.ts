import { describe, expect, it } from 'vitest';
import { fromUtcInput, newId, toUtcInput } from './client-values';

describe('datetime-local values, read and written as UTC', () => {
  it('reads what was picked as a UTC instant', () => {
    expect(fromUtcInput('2026-11-24T10:00')).toBe('2026-11-24T10:00Z');
    expect(fromUtcInput('2026-11-24T10:00:30')).toBe('2026-11-24T10:00:30Z');
    expect(new Date(fromUtcInput('2026-11-24T10:00')!).toISOString()).toBe('2026-11-24T10:00:00.000Z');
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

describe('newId', () => {
  it('makes distinct version 4 UUIDs', () => {
    const [a, b] = [newId(), newId()];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});
