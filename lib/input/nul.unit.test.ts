import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { nulParameter, nulPath } from './nul';
import { parseInput } from './validation';

describe('a NUL character in input', () => {
  it('is found in any string of a value, named by its path', () => {
    expect(nulPath('a\u0000b')).toBe('');
    expect(nulPath({ data: { name: 'Ann', phones: ['+44 20', '0\u00001'] } })).toBe('data.phones.1');
    expect(nulPath({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(nulPath({ name: 'Ann', phones: ['+44 20 7946 0000'], n: 1, ok: true, none: null })).toBeNull();
    expect(nulPath([{ a: 'x' }, { b: ['y', '\u0000'] }, '\u0000'])).toBe('1.b.1');
  });

  it('walks a value nested ten thousand deep without running out of stack', () => {
    expect(nulPath(JSON.parse(`${'['.repeat(10_000)}"\\u0000"${']'.repeat(10_000)}`))).toBe(Array(10_000).fill('0').join('.'));
    expect(nulPath(JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`))).toBeNull();
  });

  it('in a query string, names the parameter that holds it', () => {
    expect(nulParameter(new URLSearchParams('format=csv&actor=%00'))).toBe('actor');
    expect(nulParameter(new URLSearchParams('a%00b=1'))).toBe('a\\0b');
    expect(nulParameter(new URLSearchParams('actor=ana&q=x%20y'))).toBeNull();
  });

  it('is refused before a schema sees it, naming the field', () => {
    const schema = z.object({ name: z.string() });
    let refused: unknown;
    try {
      parseInput(schema, { name: 'Ann\u0000' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([{ field: 'name', message: 'name must not contain the NUL character (U+0000)' }]);
    expect(parseInput(schema, { name: 'Ann' })).toEqual({ name: 'Ann' });
  });
});
