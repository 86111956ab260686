import Link from 'next/link';
import { formatWhen, historyLines, type HistoryEvent } from '@/lib/present/history-lines';
import styles from './lead.module.css';

/** Every change to the lead, newest first; each time links to the lead as it was right after. */
type Props = {
  leadId: string;
  events: readonly HistoryEvent[];
  names: Readonly<Record<string, string>>;
  /** The tenant's disposition labels by code. */
  outcomes: Readonly<Record<string, string>>;
  /** Another lead's history shown on this one (a lead merged into it): its own heading, and times without links. */
  mergedLead?: { readonly name: string };
};

export function HistoryList({ leadId, events, names, outcomes, mergedLead }: Props) {
  const lines = historyLines(events, (id) => names[id], new Map(Object.entries(outcomes))).reverse();
  const headingId = mergedLead ? `history-heading-${leadId}` : 'history-heading';
  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <h2 id={headingId}>{mergedLead ? `History of “${mergedLead.name}”, merged into this lead` : 'History'}</h2>
      <p className="muted">
        {mergedLead ? 'Its notes, calls and changes until the merge, newest first, times in UTC.' : 'Newest first, times in UTC. Pick a time to see the lead as it was right after that change.'}
      </p>
      <ol className={styles.history} aria-label={mergedLead ? `Changes of “${mergedLead.name}”` : 'Changes'}>
        {lines.map((line) => (
          <li key={line.key}>
            {mergedLead ? (
              <time dateTime={line.at} className={styles.when}>{formatWhen(line.at)}</time>
            ) : (
              <Link href={`/leads/${leadId}?tab=history&asOf=${encodeURIComponent(line.at)}`} className={styles.when} scroll={false}>
                <time dateTime={line.at}>{formatWhen(line.at)}</time>
              </Link>
            )}
            <span>{line.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
