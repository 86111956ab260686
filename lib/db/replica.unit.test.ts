import { describe, expect, it } from 'vitest';
import type { Db } from './client';
import { createReadRouting, isLsn, laterLsn } from './replica';

describe('WAL positions', () => {
  it('are compared as numbers, not as text', () => {
    expect(laterLsn('0/F', '0/10')).toBe('0/10');
    expect(laterLsn('1/0', '0/FFFFFFFF')).toBe('1/0');
    expect(laterLsn('16/B374D848', '16/B374D847')).toBe('16/B374D848');
    expect(laterLsn(null, '0/1')).toBe('0/1');
    expect(laterLsn(undefined, null)).toBeNull();
  });

  it('only what PostgreSQL writes is taken from a cookie', () => {
    expect(isLsn('16/B374D848')).toBe(true);
    for (const value of ['', '16', '16/', 'G/1', '0/1; Path=/', '123456789/0', undefined]) expect(isLsn(value)).toBe(false);
  });
});

describe('without a standby', () => {
  it('every read is the primary, and nothing is asked of the database', async () => {
    const primary = new Proxy({}, { get: () => { throw new Error('no query expected'); } }) as Db;
    const routing = createReadRouting(primary, null);
    expect(routing.replicated).toBe(false);
    expect(await routing.commitPoint()).toBeNull();
    const chosen = await routing.reader('0/1');
    expect(chosen.db).toBe(primary);
    expect(chosen.server).toBe('primary');
  });
});
