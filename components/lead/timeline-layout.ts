// Where each status period and callback sits on the lead's timeline chart. Pure.
import type { LeadCallback, TimelinePeriod } from '@/lib/read/status-history/queries-lead';

/** Each period with the callbacks set while the lead was in it (by event version: a status change and the callback it sets share a moment). */
export function callbacksByPeriod(periods: readonly TimelinePeriod[], callbacks: readonly LeadCallback[]) {
  return periods.map((period, index) => {
    const next = periods[index + 1]?.version ?? Number.POSITIVE_INFINITY;
    return { period, callbacks: callbacks.filter((callback) => callback.version >= period.version && callback.version < next) };
  });
}

/** A linear time scale from the first period's start to now (or a later callback), as percentages. */
export function timeScale(periods: readonly TimelinePeriod[], callbacks: readonly LeadCallback[], now: Date) {
  const start = Date.parse(periods[0]?.enteredAt ?? now.toISOString());
  const end = Math.max(now.getTime(), ...callbacks.map((callback) => Date.parse(callback.dueAt)), start + 60_000);
  const at = (iso: string) => (100 * (Date.parse(iso) - start)) / (end - start);
  return {
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    at,
    span: (period: TimelinePeriod) => {
      const left = at(period.enteredAt);
      const right = period.leftAt ? at(period.leftAt) : at(now.toISOString());
      return { left, width: Math.max(right - left, 0) };
    },
  };
}

export const OUTCOME_LABELS: Record<LeadCallback['outcome'], string> = {
  'on-time': 'met',
  late: 'handled late',
  missed: 'missed',
  withdrawn: 'moved or cleared before it was due',
  pending: 'not due yet',
};

export const OUTCOME_MARKS: Record<LeadCallback['outcome'], string> = { 'on-time': '✓', late: '!', missed: '✕', withdrawn: '–', pending: '○' };
