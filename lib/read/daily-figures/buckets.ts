// Duration buckets for the stored histograms: one below a second, then one per 2^(1/8) step (each
// about 9% wider than the one before) up to 2^28 seconds (8.5 years), then one for anything longer.
// Bucket b holds [BUCKET_BOUNDS[b - 1], BUCKET_BOUNDS[b]). Pure, shared by the projection that
// counts into buckets and the queries that read a bucket's values back from an index, so both
// compare against the very same doubles.
const STEPS_PER_DOUBLING = 8;
const DOUBLINGS = 28;

export const BUCKET_BOUNDS: readonly number[] = Array.from({ length: STEPS_PER_DOUBLING * DOUBLINGS + 1 }, (_, i) => 2 ** (i / STEPS_PER_DOUBLING));
export const BUCKET_COUNT = BUCKET_BOUNDS.length + 1;
/** How far a value read from a bucket (its middle, by rank) can be from the true one: the bucket's relative width. */
export const BUCKET_PRECISION = 2 ** (1 / STEPS_PER_DOUBLING) - 1;

/** The bucket of a duration in seconds: how many bounds are at or below it. */
export function bucketOf(seconds: number): number {
  let low = 0;
  let high = BUCKET_BOUNDS.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (BUCKET_BOUNDS[middle]! <= seconds) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The bucket's ends, lower inclusive, upper exclusive; the outer buckets end at the largest doubles. */
export function bucketRange(bucket: number): { low: number; high: number } {
  return {
    low: bucket === 0 ? -Number.MAX_VALUE : BUCKET_BOUNDS[bucket - 1]!,
    high: bucket >= BUCKET_BOUNDS.length ? Number.MAX_VALUE : BUCKET_BOUNDS[bucket]!,
  };
}

/** Where a rank (0-based, in ascending order) falls in a histogram: the bucket and the rank inside it. */
export function locateRank(counts: ReadonlyMap<number, number>, rank: number): { bucket: number; skip: number } {
  let before = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    const count = counts.get(bucket)!;
    if (rank < before + count) return { bucket, skip: rank - before };
    before += count;
  }
  throw new Error(`Rank ${rank} is beyond the histogram's ${before} values`);
}

/** The two ranks (0-based) PostgreSQL's percentile_cont interpolates between, and the weight of the upper one. */
export function percentileRanks(total: number, fraction: number): { lower: number; upper: number; weight: number } {
  const position = fraction * (total - 1);
  return { lower: Math.floor(position), upper: Math.ceil(position), weight: position - Math.floor(position) };
}

/** percentile_cont estimated from the histogram alone: a value inside the rank's bucket, by its place there. */
export function estimatedPercentile(counts: ReadonlyMap<number, number>, fraction: number): number {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const { bucket, skip } = locateRank(counts, Math.round(fraction * (total - 1)));
  const { low, high } = bucketRange(bucket);
  if (bucket >= BUCKET_BOUNDS.length) return low;
  const from = bucket === 0 ? 0 : low;
  return from + ((high - from) * (skip + 0.5)) / counts.get(bucket)!;
}
