// How a callback's due time reads: relative to now ("in 3 hours", "2 days ago") and absolute, in
// UTC like the rest of the app ("Tue 10 Mar, 18:00 UTC"). Pure.

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'always' });
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function relativeDue(dueAt: Date, now: Date): string {
  const difference = dueAt.getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) return relative.format(Math.trunc(difference / size), unit);
  }
  return 'now';
}

const sameYear = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const otherYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export function absoluteDue(dueAt: Date, now: Date): string {
  const format = dueAt.getUTCFullYear() === now.getUTCFullYear() ? sameYear : otherYear;
  return `${format.format(dueAt)} UTC`;
}
