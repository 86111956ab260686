import { formatWhen } from '@/lib/present/history-lines';
import { type LeadStatus } from '@/lib/leads/lead';
import { STATUS_LABELS } from '@/lib/present/labels';
import type { LeadCallback, TimelinePeriod } from '@/lib/read/status-history/queries-lead';
import styles from './status-timeline.module.css';
import { duration } from '@/lib/present/duration';
import { callbacksByPeriod, OUTCOME_LABELS, OUTCOME_MARKS, timeScale } from './timeline-layout';

type Props = {
  periods: readonly TimelinePeriod[];
  callbacks: readonly LeadCallback[];
  names: Readonly<Record<string, string>>;
  /** The moment open periods are measured to (ISO). */
  now: string;
};

const STATUS_CLASS: Record<LeadStatus, string | undefined> = {
  Available: styles.available, FollowUp: styles.followUp, Closed: styles.closed, Converted: styles.converted,
};

/**
 * The periods the lead spent in each status (from the status history read model): a chart with one
 * row per period on a shared time axis, the callbacks set in each marked at their due time, and the
 * same facts as a table.
 */
export function StatusTimeline({ periods, callbacks, names, now }: Props) {
  const who = (id: string | null) => (id ? (names[id] ?? id) : 'the system');
  const rows = callbacksByPeriod(periods, callbacks);
  const scale = timeScale(periods, callbacks, new Date(now));
  const callbackText = (callback: LeadCallback) => {
    const handled = callback.handledAt ? `, handled ${formatWhen(callback.handledAt)} by ${who(callback.handledBy)}` : '';
    return `due ${formatWhen(callback.dueAt)}, set by ${who(callback.setBy)}: ${OUTCOME_LABELS[callback.outcome]}${handled}`;
  };

  return (
    <section aria-labelledby="timeline-heading" className={styles.card}>
      <h2 id="timeline-heading">Status timeline</h2>
      {periods.length === 0 ? (
        <p className="muted">Not available yet: the timeline is being brought up to date.</p>
      ) : (
        <>
          <div role="img" aria-label="Status timeline chart: the periods in the table below, drawn to scale" className={styles.chart}>
            {rows.map(({ period, callbacks: set }) => {
              const { left, width } = scale.span(period);
              return (
                <div key={period.version} className={styles.row}>
                  <div className={styles.label}>
                    <strong>{STATUS_LABELS[period.status] ?? period.status}</strong>
                    <span>{duration(period.durationSeconds)}{period.current ? ' so far' : ''} · by {who(period.enteredBy)}</span>
                  </div>
                  <div className={styles.track}>
                    <div className={`${styles.bar} ${STATUS_CLASS[period.status] ?? ''}`} style={{ left: `${left}%`, width: `max(${width}%, 3px)` }} />
                    {set.map((callback) => (
                      <span
                        key={callback.version}
                        className={`${styles.marker} ${styles[callback.outcome]}`}
                        style={{ left: `${scale.at(callback.dueAt)}%` }}
                        title={`Callback ${callbackText(callback)}`}
                      >
                        {OUTCOME_MARKS[callback.outcome]}
                      </span>
                    ))}
                  </div>
                </div>
              );
            })}
            <div className={styles.axis}>
              <span>{formatWhen(scale.start)}</span>
              <span>{formatWhen(scale.end)}</span>
            </div>
            <p className={styles.legend}>
              Callbacks at their due time: {(['on-time', 'late', 'missed', 'pending'] as const).map((outcome) => `${OUTCOME_MARKS[outcome]} ${OUTCOME_LABELS[outcome]}`).join(' · ')}
            </p>
          </div>
          <div className={styles.tableWrap} role="region" aria-label="Status periods" tabIndex={0}>
            <table>
              <caption>Status periods (times in UTC)</caption>
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Changed by</th>
                  <th scope="col">Callbacks set</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ period, callbacks: set }) => (
                  <tr key={period.version}>
                    <th scope="row">{STATUS_LABELS[period.status] ?? period.status}</th>
                    <td><time dateTime={period.enteredAt}>{formatWhen(period.enteredAt)}</time></td>
                    <td>{period.leftAt ? <time dateTime={period.leftAt}>{formatWhen(period.leftAt)}</time> : 'now'}</td>
                    <td>{duration(period.durationSeconds)}{period.current ? ' so far' : ''}</td>
                    <td>{who(period.enteredBy)}</td>
                    <td>
                      {set.length === 0 ? 'none' : (
                        <ul className={styles.callbacks}>
                          {set.map((callback) => <li key={callback.version}>{callbackText(callback)}</li>)}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
