// The duration buckets: every duration falls inside its bucket's ends, and a percentile read from
// the histogram alone is within the stated precision.
import { describe, expect, it } from 'vitest';
import { BUCKET_PRECISION, bucketOf, bucketRange, estimatedPercentile, locateRank, percentileRanks } from './buckets';

describe('duration buckets', () => {
  it.each([0, 0.5, 1, 59.999, 60, 3600, 86_400 * 30, 2 ** 28, 1e12, -5])('%s seconds lies inside its bucket', (seconds) => {
    const { low, high } = bucketRange(bucketOf(seconds));
    expect(seconds >= low && seconds < high).toBe(true);
  });

  it('finds a rank\u2019s bucket and its place in it', () => {
    const counts = new Map([[bucketOf(60), 3], [bucketOf(3600), 2]]);
    expect(locateRank(counts, 2)).toEqual({ bucket: bucketOf(60), skip: 2 });
    expect(locateRank(counts, 3)).toEqual({ bucket: bucketOf(3600), skip: 0 });
    expect(() => locateRank(counts, 5)).toThrow();
  });

  it('interpolates between the ranks PostgreSQL\u2019s percentile_cont uses', () => {
    expect(percentileRanks(10, 0.9)).toEqual({ lower: 8, upper: 9, weight: expect.closeTo(0.1, 9) });
    expect(percentileRanks(1, 0.5)).toEqual({ lower: 0, upper: 0, weight: 0 });
  });

  it('estimates a percentile from the histogram within one bucket\u2019s width', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 30 + i * 7.3);
    const counts = new Map<number, number>();
    for (const value of values) counts.set(bucketOf(value), (counts.get(bucketOf(value)) ?? 0) + 1);
    const exact = values[Math.round(0.9 * 999)]!;
    expect(Math.abs(estimatedPercentile(counts, 0.9) - exact) / exact).toBeLessThanOrEqual(BUCKET_PRECISION);
  });
});
