import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importIdFor, rowLeadId } from './import-ids';
import type { ImportRecord } from './mapping';

const records: ImportRecord[] = [['Jane Doe', '07911 123456', '', 'list', ''], ['Zoë "Z", Jr.', '', 'zoe@example.com', '', '']];

describe('import ids', () => {
  it('are the digest of the tenant and the rows as JSON, so imports stored before keep their ids', () => {
    const digest = createHash('sha256').update(['import', 'demo', JSON.stringify(records)].join('\u0000')).digest('hex');
    expect(importIdFor('demo', records).replaceAll('-', '').slice(0, 12)).toBe(digest.slice(0, 12));
  });

  it('differ by tenant and by rows, and give each row its own lead id', () => {
    expect(importIdFor('demo', records)).not.toBe(importIdFor('other', records));
    expect(importIdFor('demo', records)).not.toBe(importIdFor('demo', records.slice(1)));
    const importId = importIdFor('demo', records);
    expect(rowLeadId(importId, 0)).not.toBe(rowLeadId(importId, 1));
    expect(rowLeadId(importId, 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
