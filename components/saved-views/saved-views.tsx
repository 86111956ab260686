'use client';
// The lead list's saved views: the user's own (to open, rename, delete, and for managers to share)
// and those managers of the organisation share (to open only), and saving the list as it is now.
import Link from 'next/link';
import type { ViewerViews } from '@/lib/read/saved-views/queries';
import { OwnViewItem } from './own-view-item';
import { SaveViewForm } from './save-view-form';
import styles from './saved-views.module.css';

type Props = {
  views: ViewerViews;
  /** The list's search string now (without "?" and without its page). */
  query: string;
  canShare: boolean;
};

export function SavedViews({ views, query, canShare }: Props) {
  const count = views.own.length + views.shared.length;
  return (
    <details className={styles.views}>
      <summary>Saved views ({count})</summary>
      <section aria-label="Saved views" className={styles.body}>
        <h2 className={styles.heading} id="own-views">Your views</h2>
        {views.own.length === 0 ? <p className="muted">None yet: filter and sort the list, then save it here.</p> : (
          <ul aria-labelledby="own-views" className={styles.list}>
            {views.own.map((view) => <OwnViewItem key={view.viewId} view={view} current={view.query === query} canShare={canShare} />)}
          </ul>
        )}
        {views.shared.length > 0 && (
          <>
            <h2 className={styles.heading} id="shared-views">Shared with you</h2>
            <ul aria-labelledby="shared-views" className={styles.list}>
              {views.shared.map((view) => (
                <li key={view.viewId} className={styles.item}>
                  <Link href={`/leads${view.query ? `?${view.query}` : ''}`} aria-current={view.query === query ? 'true' : undefined}>{view.name}</Link>{' '}
                  <span className="muted">by {view.ownerName}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <SaveViewForm query={query} />
      </section>
    </details>
  );
}
