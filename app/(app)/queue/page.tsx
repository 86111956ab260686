import { QueueSection } from '@/components/queue/queue-section';
import { ScopeToggle } from '@/components/queue/scope-toggle';
import styles from '@/components/queue/queue.module.css';
import { page, reader } from '@/lib/gate';
import { callbackQueue, QUEUE_SECTIONS, type QueueScope } from '@/lib/read/lead-table/callback-queue';
import { actorNames } from '@/lib/read/organisation/users';

// Read at request time: due times move with the clock.
export const dynamic = 'force-dynamic';

export default async function QueuePage({ searchParams }: { searchParams: Promise<{ scope?: string | string[] }> }) {
  const user = await page('work-leads');
  const scope: QueueScope = (await searchParams).scope === 'team' ? 'team' : 'mine';
  const now = new Date();
  const db = await reader(user);
  const [queue, ownerNames] = await Promise.all([
    callbackQueue(db, { tenantId: user.tenantId, userId: user.id, scope, now }),
    actorNames(db, user.tenantId),
  ]);
  return (
    <>
      <div className={styles.head}>
        <h1>Callbacks</h1>
        <ScopeToggle scope={scope} />
      </div>
      <p className="muted">
        {scope === 'mine' ? 'Your leads' : 'Every agent\u2019s leads'} with a callback, soonest first. Days end at midnight UTC.
      </p>
      {QUEUE_SECTIONS.map((section) => (
        <QueueSection key={section} section={section} scope={scope} {...queue[section]} now={now} ownerNames={ownerNames} />
      ))}
    </>
  );
}
