'use client';
// "Previous" and "Next" through the list or queue the lead was opened from, with the lead's place in
// it, and the keys `k` and `j` for them. The links carry the same origin, so the walk goes on.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useShortcut } from '@/components/shortcuts/shortcuts-provider';
import { leadHref, originHref, type ListOrigin } from '@/lib/read/lead-table/list-origin';
import type { Neighbours } from '@/lib/read/lead-table/neighbours';
import styles from './lead.module.css';

export function LeadNeighbours({ origin, neighbours }: { origin: ListOrigin; neighbours: Neighbours | null }) {
  const router = useRouter();
  const previous = neighbours?.previousId ? leadHref(neighbours.previousId, origin) : null;
  const next = neighbours?.nextId ? leadHref(neighbours.nextId, origin) : null;
  useShortcut('j', () => next && router.push(next));
  useShortcut('k', () => previous && router.push(previous));
  const listName = origin.kind === 'queue' ? 'the callbacks' : 'the list';

  return (
    <nav aria-label={`Leads of ${listName}`} className={styles.neighbours}>
      <Link href={originHref(origin)}>Back to {listName}</Link>
      {neighbours ? (
        <>
          {previous ? <Link href={previous} rel="prev" aria-keyshortcuts="k">Previous</Link> : <span className="muted">Previous</span>}
          <span>{neighbours.position.toLocaleString('en-GB')} of {neighbours.capped ? `${(neighbours.total - 1).toLocaleString('en-GB')}+` : neighbours.total.toLocaleString('en-GB')}</span>
          {next ? <Link href={next} rel="next" aria-keyshortcuts="j">Next</Link> : <span className="muted">Next</span>}
        </>
      ) : (
        <span className="muted">This lead is no longer in {listName}.</span>
      )}
    </nav>
  );
}
