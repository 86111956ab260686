import { describe, expect, it } from 'vitest';
import type { OpenTransaction, ProjectionLag } from '@/lib/read/engine/lag';
import { lagAlert } from './lag';

const lag = (name: string, secondsBehind: number): ProjectionLag => ({ name, kind: 'async', position: '10', headPosition: '12', eventsBehind: secondsBehind > 0 ? 2 : 0, secondsBehind });
const transaction = (ageSeconds: number, application = 'leadstream-import'): OpenTransaction => ({ ageSeconds, application, state: 'idle in transaction', startedAt: new Date(0) });

describe('the lag alert', () => {
  it('says nothing while every read model is within the threshold', () => {
    expect(lagAlert([lag('search-terms', 4), lag('status-history', 0)], transaction(600), 30)).toBeNull();
  });

  it('names the late read models and the long transaction that holds them back', () => {
    expect(lagAlert([lag('search-terms', 125), lag('status-history', 90)], transaction(130), 30)).toBe(
      'Search and Status history and analytics are 2 min 5 s behind: a transaction open for 2 min 10 s (leadstream-import, idle in transaction) holds back every read model until it ends.',
    );
  });

  it('points at the projector when no transaction is old enough to explain the lag', () => {
    expect(lagAlert([lag('search-terms', 45)], transaction(3), 30)).toMatch(/^Search is 45 s behind, and no open transaction holds them back: check that a projector is running/);
    expect(lagAlert([lag('search-terms', 45)], null, 30)).toMatch(/check that a projector is running/);
  });
});
