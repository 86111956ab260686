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
  /** The tenant's region, that phones are read in. */
  region: string;
};

export function HistoryList({ leadId, events, names, outcomes, region }: Props) {
  const lines = historyLines(events, (id) => names[id], new Map(Object.entries(outcomes)), region).reverse();
  return (
    <section aria-labelledby="history-heading" className={styles.card}>
      <h2 id="history-heading">History</h2>
      <p className="muted">Newest first, times in UTC. Pick a time to see the lead as it was right after that change.</p>
      <ol className={styles.history} aria-label="Changes">
        {lines.map((line) => (
          <li key={line.key}>
            <Link href={`/leads/${leadId}?tab=history&asOf=${encodeURIComponent(line.at)}`} className={styles.when} scroll={false}>
              <time dateTime={line.at}>{formatWhen(line.at)}</time>
            </Link>
            <span>{line.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
