// How times read in the lead list. Absolute times are in UTC, as on the home page, and relative ones
// count from the moment the server read the list, so the server's and the browser's render agree.

const absolute = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 days", "2 hours ago", "tomorrow": the largest whole unit the gap holds. */
export function relativeTime(at: Date, now: Date): string {
  const gap = at.getTime() - now.getTime();
  const [unit, size] = UNITS.find(([, length]) => Math.abs(gap) >= length) ?? UNITS[UNITS.length - 1]!;
  return relative.format(Math.round(gap / size), unit);
}

/** "10 Mar 2026, 18:00 UTC" */
export const absoluteTime = (at: Date) => `${absolute.format(at)} UTC`;

/** "10 Mar 2026" (the UTC day) */
export const dayOf = (at: Date) => day.format(at);
