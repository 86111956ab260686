// When a failed delivery is tried again, and when an endpoint has failed long enough to be disabled.
// Exponential backoff with full jitter (each wait drawn between a floor and the step's ceiling, so
// that many endpoints failing together do not all come back at once), capped at an hour.
export const RETRY_CEILINGS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000] as const;
export const RETRY_FLOOR_MS = 1_000;
/** An endpoint whose oldest undelivered change has failed this long is disabled. */
export const DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;

/** The wait before attempt `failures + 1`, after `failures` (1 or more) failed ones; `random` in [0, 1). */
export function retryDelayMs(failures: number, random: number): number {
  const ceiling = RETRY_CEILINGS_MS[Math.min(Math.max(failures, 1), RETRY_CEILINGS_MS.length) - 1]!;
  return Math.max(RETRY_FLOOR_MS, Math.floor(random * ceiling));
}

/** Whether an endpoint whose head delivery has failed since `failingSince` is to be disabled at `now`. */
export const shouldDisable = (failingSince: Date | null, now: Date): boolean =>
  failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
