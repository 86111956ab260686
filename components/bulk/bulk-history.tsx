import type { BulkAction } from '@/lib/bulk/bulk-action';
import type { BulkEvent } from '@/lib/bulk/bulk-stream';
import { actionWords, leadCount, resultWords } from './bulk-words';
import styles from './bulk.module.css';

export type HistoryEntry = { readonly event: BulkEvent; readonly at: string; readonly actorName: string };

/** The bulk change's own stream, as its audit reads: who started it, each chunk, each resume, its end. */
export function BulkHistory({ entries, action }: { entries: readonly HistoryEntry[]; action: BulkAction }) {
  return (
    <section aria-labelledby="bulk-history">
      <h2 id="bulk-history">History</h2>
      <ol className={styles.history}>
        {entries.map(({ event, at, actorName }, index) => (
          <li key={index}>
            <time dateTime={at}>{new Date(at).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</time>: {entryWords(event, actorName, action)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function entryWords(event: BulkEvent, actorName: string, action: BulkAction): string {
  switch (event.type) {
    case 'BulkChangeStarted':
      return `${actorName} started changing ${leadCount(event.data.leads)} ${actionWords(action)}${event.data.filter === null ? '' : event.data.filter === '' ? ' (all leads)' : ` (all leads matching ${event.data.filter})`}.`;
    case 'BulkLeadsSelected':
      return `${leadCount(event.data.leads.length)} selected, each at the version it was seen at.`;
    case 'BulkResultsRecorded': {
      const done = event.data.results.filter((result) => result.outcome === 'done').length;
      return `${leadCount(event.data.results.length)} handled: ${done.toLocaleString('en-GB')} changed, ${(event.data.results.length - done).toLocaleString('en-GB')} not.`;
    }
    case 'BulkChangeResumed':
      return `${actorName} resumed it.`;
    case 'BulkChangeFinished':
      return resultWords(actorName, action, event.data);
    case 'BulkChangeStopped':
      return `It stopped: ${event.data.reason}.`;
  }
}
