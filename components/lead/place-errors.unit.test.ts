import { describe, expect, it } from 'vitest';
import { placeErrors } from './place-errors';

const rows = (...keys: string[]) => keys.map((key) => ({ key }));

describe('placing the server\'s field errors on the new lead form', () => {
  it('puts "phones.1" on the row that was sent second, skipping blank rows that were not sent', () => {
    const placed = placeErrors(
      { kind: 'validation', message: '…', fields: { 'phones.1': 'bad phone', 'emails.0': 'bad email', name: 'Name is required' } },
      rows('row-b', 'row-d'),
      rows('row-x'),
    );
    expect(placed).toEqual({ fields: { name: 'Name is required' }, phones: { 'row-d': 'bad phone' }, emails: { 'row-x': 'bad email' }, unplaced: [] });
  });

  it('keeps a message about the whole list on the list', () => {
    expect(placeErrors({ kind: 'validation', message: '…', fields: { phones: 'Give at least one phone or email' } }, [], []).fields).toEqual({
      phones: 'Give at least one phone or email',
    });
  });

  it('says at the top what no field can show', () => {
    expect(placeErrors({ kind: 'validation', message: '…', fields: { 'phones.5': 'gone', leadId: 'Lead id must be a UUID' } }, rows('a'), []).unplaced).toEqual([
      'gone',
      'Lead id must be a UUID',
    ]);
    expect(placeErrors({ kind: 'unexpected', message: 'Something went wrong' }, [], []).unplaced).toEqual(['Something went wrong']);
  });

  it('places nothing without an error', () => {
    expect(placeErrors(null, rows('a'), rows('b'))).toEqual({ fields: {}, phones: {}, emails: {}, unplaced: [] });
  });
});
