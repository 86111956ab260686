import { absoluteTime } from '@/components/leads-table/format';
import { dncSourceLabel } from '@/lib/present/do-not-call';
import styles from './do-not-call.module.css';

export type NumberHistoryEntry = {
  readonly version: number;
  readonly change: 'blocked' | 'unblocked';
  readonly reason: string;
  readonly source: string | null;
  readonly byName: string;
  readonly at: string;
};

/** Every change of a number on the list, newest first: who, when, why, and where a block came from. */
export function NumberHistory({ entries }: { entries: readonly NumberHistoryEntry[] }) {
  if (entries.length === 0) return <p>This number has never been on your organisation&rsquo;s do-not-call list.</p>;
  return (
    <ol className={styles.history} reversed aria-label="Changes, newest first">
      {[...entries].reverse().map((entry) => (
        <li key={entry.version}>
          <strong>{entry.change === 'blocked' ? 'Blocked' : 'Removed from the list'}</strong> by {entry.byName},{' '}
          <time dateTime={entry.at}>{absoluteTime(new Date(entry.at))}</time>
          {entry.source && <span className="muted"> ({dncSourceLabel(entry.source).toLowerCase()})</span>}
          <br />
          Reason: {entry.reason}
        </li>
      ))}
    </ol>
  );
}
