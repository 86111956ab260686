import Link from 'next/link';
import { formatWhen, historyLines, type HistoryEvent } from '@/lib/present/history-lines';
import { restoreChoices, type LeadNowFields } from '@/lib/present/restore-choices';
import { RestoreButton } from './restore-button';
import styles from './lead.module.css';

/**
 * Every change to the lead, newest first; each time links to the lead as it was right after, and
 * each changed field whose previous value could be put back has a button for it. A lead merged into
 * this one shows its history here too, under its own heading, without links or restores.
 */
type Props = {
  leadId: string;
  events: readonly HistoryEvent[];
  names: Readonly<Record<string, string>>;
  /** The tenant's disposition labels by code. */
  outcomes: Readonly<Record<string, string>>;
  /** The tenant's region, that phones are read in. */
  region: string;
} & (
  | {
      /** The lead now, and the moment the page was read: nothing is offered that is already so, or past. */
      current: LeadNowFields;
      now: string;
      mergedLead?: undefined;
    }
  | { mergedLead: { readonly name: string; readonly into: string | null }; current?: undefined; now?: undefined }
);

export function HistoryList({ leadId, events, names, outcomes, region, current, now, mergedLead }: Props) {
  const nameOf = (id: string) => names[id];
  const byVersion = new Map(events.map((event) => [event.version, event]));
  const context = current && now ? { current, nameOf, region, now: new Date(now) } : null;
  const lines = historyLines(events, nameOf, new Map(Object.entries(outcomes)), region).reverse();
  const headingId = mergedLead ? `history-heading-${leadId}` : 'history-heading';
  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <h2 id={headingId}>{mergedLead ? `History of “${mergedLead.name}”, merged into ${mergedLead.into === null ? 'this lead' : `“${mergedLead.into}”`}` : 'History'}</h2>
      <p className="muted">
        {mergedLead ? 'Its notes, calls and changes until the merge, newest first, times in UTC.' : 'Newest first, times in UTC. Pick a time to see the lead as it was right after that change.'}
      </p>
      <ol className={styles.history} aria-label={mergedLead ? `Changes of “${mergedLead.name}”` : 'Changes'}>
        {lines.map((line) => {
          const choices = context ? restoreChoices(line.versions.map((version) => byVersion.get(version)!), context) : [];
          return (
            <li key={line.key}>
              {mergedLead ? (
                <time dateTime={line.at} className={styles.when}>{formatWhen(line.at)}</time>
              ) : (
                <Link href={`/leads/${leadId}?tab=history&asOf=${encodeURIComponent(line.at)}`} className={styles.when} scroll={false}>
                  <time dateTime={line.at}>{formatWhen(line.at)}</time>
                </Link>
              )}
              <div>
                <span>{line.text}</span>
                {choices.length > 0 && (
                  <div className={styles.restores}>
                    {choices.map((choice) => <RestoreButton key={choice.key} choice={choice} />)}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
