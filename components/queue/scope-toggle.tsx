import Link from 'next/link';
import type { QueueScope } from '@/lib/read/lead-table/callback-queue';
import styles from './queue.module.css';

/** Whose callbacks: the choice lives in the URL, so it survives a reload and can be shared. */
export function ScopeToggle({ scope }: { scope: QueueScope }) {
  return (
    <nav aria-label="Whose callbacks" className={styles.toggle}>
      <Link href="/queue" aria-current={scope === 'mine' ? 'page' : undefined}>Mine</Link>
      <Link href="/queue?scope=team" aria-current={scope === 'team' ? 'page' : undefined}>My team</Link>
    </nav>
  );
}
