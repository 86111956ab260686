import { describe, expect, it } from 'vitest';
import { createEventRegistry } from '@/lib/event-store';
import { foldImport, IMPORT_EVENTS } from './import-stream';
import { importIdFor, rowCommandId, rowLeadId } from './import-ids';
import type { ImportRecord } from './mapping';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));
const started = (minute: number, by = 'ana') => ({ type: 'ImportStarted', data: { kind: 'leads', fileName: 'leads.csv', rows: 5, validRows: 3, by }, occurredAt: at(minute) });

describe('an import record', () => {
  it('is running once started', () => {
    expect(foldImport([started(0)])).toEqual({
      kind: 'leads', fileName: 'leads.csv', rows: 5, validRows: 3, startedBy: 'ana', startedAt: at(0).toISOString(),
      state: 'running', imported: 0, skipped: 0, runs: 1,
    });
  });

  it('says how a run ended', () => {
    expect(foldImport([started(0), { type: 'ImportCompleted', data: { imported: 3, skipped: 2 }, occurredAt: at(1) }])).toMatchObject({ state: 'completed', imported: 3, skipped: 2 });
    expect(foldImport([started(0), { type: 'ImportFailed', data: { imported: 1, reason: 'x' }, occurredAt: at(1) }])).toMatchObject({ state: 'failed', imported: 1 });
  });

  it('shows the latest run of a file run again, by whoever ran it', () => {
    const events = [started(0), { type: 'ImportFailed', data: { imported: 1, reason: 'x' }, occurredAt: at(1) }, started(5, 'ben')];
    expect(foldImport(events)).toMatchObject({ state: 'running', startedBy: 'ben', runs: 2 });
  });

  it('says what it imports into: an import recorded before there were kinds was of leads', () => {
    const registry = createEventRegistry([IMPORT_EVENTS]);
    expect(registry.decode('ImportStarted', 1, { fileName: 'leads.csv', rows: 5, validRows: 3, by: 'ana' })).toEqual({
      kind: 'leads', fileName: 'leads.csv', rows: 5, validRows: 3, by: 'ana',
    });
    expect(() => registry.check('ImportStarted', { kind: 'contacts', fileName: 'x.csv', rows: 1, validRows: 1, by: 'ana' })).toThrow();
    const dnc = { ...started(0), data: { ...started(0).data, kind: 'do-not-call' } };
    expect(foldImport([dnc])).toMatchObject({ kind: 'do-not-call', state: 'running' });
  });

  it('is not made of another stream type\'s events', () => {
    expect(foldImport([{ type: 'LeadRegistered', data: {}, occurredAt: at(0) }])).toBeNull();
    expect(foldImport([])).toBeNull();
  });
});

describe('import ids', () => {
  const records: ImportRecord[] = [['Jane', '07911 123456', '', '', '']];

  it('are the same for the same rows of the same tenant, and differ otherwise', () => {
    expect(importIdFor('demo', records)).toBe(importIdFor('demo', [['Jane', '07911 123456', '', '', '']]));
    expect(importIdFor('other', records)).not.toBe(importIdFor('demo', records));
    expect(importIdFor('demo', [['Jane', '07911 123457', '', '', '']])).not.toBe(importIdFor('demo', records));
  });

  it('give each row a fixed command id and a valid UUID lead id', () => {
    const importId = importIdFor('demo', records);
    expect(importId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rowCommandId(importId, 7)).toBe(`${importId}-7`);
    expect(rowLeadId(importId, 7)).toBe(rowLeadId(importId, 7));
    expect(rowLeadId(importId, 7)).not.toBe(rowLeadId(importId, 8));
    expect(rowLeadId(importId, 7)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
