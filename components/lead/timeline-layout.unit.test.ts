import { describe, expect, it } from 'vitest';
import type { LeadCallback, TimelinePeriod } from '@/lib/read/status-history/queries-lead';
import { callbacksByPeriod, timeScale } from './timeline-layout';

const period = (version: number, enteredAt: string, leftAt: string | null): TimelinePeriod => ({
  version, status: 'Available', enteredAt, enteredBy: 'ana', leftAt, leftBy: null, durationSeconds: 0, current: leftAt === null, followUpAt: null,
});
const callback = (version: number, dueAt: string): LeadCallback => ({
  version, dueAt, setAt: dueAt, setBy: 'ana', handledAt: null, handledBy: null, endedAt: null, endReason: null, outcome: 'pending',
});

describe('the lead timeline layout', () => {
  const periods = [period(1, '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'), period(4, '2026-01-02T00:00:00Z', null)];

  it('puts a callback in the period it was set in, including one set by the change that opened it', () => {
    const grouped = callbacksByPeriod(periods, [callback(2, '2026-01-01T12:00:00Z'), callback(5, '2026-01-03T00:00:00Z'), callback(4, '2026-01-02T06:00:00Z')]);
    expect(grouped.map((group) => group.callbacks.map((c) => c.version))).toEqual([[2], [5, 4]]);
  });

  it('lays periods out in proportion to their length, up to now or the latest callback', () => {
    const scale = timeScale(periods, [callback(5, '2026-01-05T00:00:00Z')], new Date('2026-01-03T00:00:00Z'));
    expect(scale.span(periods[0]!)).toEqual({ left: 0, width: 25 });
    expect(scale.span(periods[1]!)).toEqual({ left: 25, width: 25 });
    expect(scale.at('2026-01-05T00:00:00Z')).toBe(100);
  });

});
