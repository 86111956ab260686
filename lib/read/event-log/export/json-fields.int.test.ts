// The CSV's data fields are read from the text PostgreSQL prints for `data`: for any object they
// must equal what PostgreSQL's own `->>` gives for each field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDb } from '@/lib/testing/database';
import { readTopLevelFields } from './json-fields';

const db = testDb();

const KEYS = ['name', 'phones', 'to', 'at', 'kind', 'a b', 'quote"d', 'back\\slash', 'ünï', ''];
const text = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !/[\u0000\ud800-\udfff]/.test(s));
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), text), tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('reading top-level fields from jsonb text', () => {
  it('gives what ->> gives for every field, strings unescaped, null as null, the rest as PostgreSQL prints it', async () => {
    const samples = fc.sample(fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), text), value, { maxKeys: 6 }), { numRuns: 300, seed: 11 });
    samples.push({}, { name: 'x\n"y"\\z 😀', phones: [{ raw: '07911 123456', e164: '+447911123456' }] }, { to: 1.5e300, at: -0.0, kind: [[], {}, [null]] });
    const rows = await db.$queryRaw<{ doc: string; key: string; field: string | null }[]>`
      SELECT d.doc::text AS doc, k.key, d.doc->>k.key AS field
      FROM jsonb_array_elements(${JSON.stringify(samples)}::jsonb) WITH ORDINALITY AS d(doc, n)
      CROSS JOIN LATERAL jsonb_object_keys(d.doc) AS k(key)
      ORDER BY d.n`;
    expect(rows.length).toBeGreaterThan(500);
    for (const row of rows) {
      const cells: (string | null)[] = ['untouched'];
      readTopLevelFields(row.doc, new Map([[row.key, 0]]), cells);
      expect(cells[0], `${row.key} of ${row.doc}`).toBe(row.field);
    }
    // Fields the object does not hold are left alone; a value that is not an object has none.
    const cells = ['left', 'alone'];
    readTopLevelFields('{"a": 1}', new Map([['b', 0]]), cells);
    readTopLevelFields('["a", 1]', new Map([['a', 1]]), cells);
    expect(cells).toEqual(['left', 'alone']);
  });
});
