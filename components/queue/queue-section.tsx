import Link from 'next/link';
import { type LeadStatus } from '@/lib/leads/lead';
import { STATUS_LABELS } from '@/lib/present/labels';
import type { Callback, QueueScope, QueueSection as Section } from '@/lib/read/lead-table/callback-queue';
import { leadHref } from '@/lib/read/lead-table/list-origin';
import { absoluteDue, relativeDue } from './due-time';
import styles from './queue.module.css';

const TITLES: Record<Section, { title: string; empty: string; className?: string }> = {
  overdue: { title: 'Overdue', empty: 'No overdue callbacks.', className: styles.overdue },
  dueToday: { title: 'Due today', empty: 'Nothing else due today.', className: styles.today },
  upcoming: { title: 'Upcoming (next 7 days)', empty: 'No callbacks in the next 7 days.' },
};

type Props = {
  section: Section;
  /** Whose callbacks: the lead links carry it, for "Next" and "Previous" on the lead page. */
  scope: QueueScope;
  callbacks: readonly Callback[];
  total: number;
  now: Date;
  ownerNames: ReadonlyMap<string, string>;
};

export function QueueSection({ section, scope, callbacks, total, now, ownerNames }: Props) {
  const { title, empty, className } = TITLES[section];
  const headingId = `queue-${section}`;
  return (
    <section aria-labelledby={headingId} className={`${styles.section} ${className ?? ''}`}>
      <h2 id={headingId}>
        {title} <span className={styles.count}>{total}</span>
      </h2>
      {callbacks.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr><th scope="col">Lead</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Owner</th></tr>
          </thead>
          <tbody>
            {callbacks.map((callback) => (
              <tr key={callback.leadId}>
                <td><Link href={leadHref(callback.leadId, { kind: 'queue', scope })}>{callback.name}</Link></td>
                <td>
                  <time dateTime={callback.dueAt}>
                    <span className={styles.relative}>{relativeDue(new Date(callback.dueAt), now)}</span>
                    <span className={styles.absolute}>{absoluteDue(new Date(callback.dueAt), now)}</span>
                  </time>
                </td>
                <td><span className={styles.status}>{STATUS_LABELS[callback.status as LeadStatus] ?? callback.status}</span></td>
                <td>{callback.ownerId ? (ownerNames.get(callback.ownerId) ?? callback.ownerId) : <span className="muted">Nobody</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > callbacks.length && <p className={styles.more}>Showing the first {callbacks.length} of {total}.</p>}
    </section>
  );
}
