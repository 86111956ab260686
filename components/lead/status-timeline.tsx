import { formatWhen } from '@/lib/leads/history-lines';
import { STATUS_LABELS } from '@/lib/leads/lead';
import type { TimelinePeriod } from '@/lib/projections/status-history/queries-lead';
import styles from './lead.module.css';

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const [days, hours] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60)];
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return minutes > 0 ? `${minutes} min` : 'under a minute';
}

/** The periods the lead spent in each status (from the status history read model). */
export function StatusTimeline({ periods, names }: { periods: readonly TimelinePeriod[]; names: Readonly<Record<string, string>> }) {
  const who = (id: string | null) => (id ? (names[id] ?? id) : 'the system');
  return (
    <section aria-labelledby="timeline-heading" className={styles.card}>
      <h2 id="timeline-heading">Status timeline</h2>
      {periods.length === 0 ? (
        <p className="muted">Not available yet: the timeline is being brought up to date.</p>
      ) : (
        <ol className={styles.timeline}>
          {periods.map((period) => (
            <li key={period.version}>
              <strong>{STATUS_LABELS[period.status] ?? period.status}</strong>{' '}
              from <time dateTime={period.enteredAt}>{formatWhen(period.enteredAt)}</time> ({who(period.enteredBy)}),{' '}
              {period.current ? `now, for ${duration(period.durationSeconds)}` : `${duration(period.durationSeconds)}`}
              {period.followUpAt && <span className="muted"> · callback {formatWhen(period.followUpAt)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
