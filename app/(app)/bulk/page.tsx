import type { Metadata } from 'next';
import Link from 'next/link';
import { actionWords, leadCount } from '@/components/bulk/bulk-words';
import { recentBulkChanges } from '@/lib/bulk/recent';
import { page } from '@/lib/gate';
import { actorNames } from '@/lib/read/organisation/users';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Bulk changes · Leadstream' };

const STATE_WORDS = { running: 'Running', interrupted: 'Interrupted: open it to resume', finished: 'Finished', stopped: 'Stopped: open it to resume' } as const;

/** The tenant's latest bulk changes: each links to its progress, its leads not changed and its history. */
export default async function BulkChangesPage() {
  const user = await page('bulk-change');
  const { store, db } = system();
  const [changes, names] = await Promise.all([recentBulkChanges(store, user.tenantId), actorNames(db, user.tenantId)]);
  const nameOf = (id: string) => names.get(id) ?? id;
  return (
    <>
      <h1>Bulk changes</h1>
      {changes.length === 0 ? <p>No bulk changes yet: select leads on the <Link href="/leads">lead list</Link>.</p> : (
        <table>
          <caption>The latest bulk changes, newest first</caption>
          <thead>
            <tr><th scope="col">Started</th><th scope="col">By</th><th scope="col">Change</th><th scope="col">State</th></tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.batchId}>
                <td><Link href={`/bulk/${change.batchId}`}><time dateTime={change.startedAt}>{new Date(change.startedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</time></Link></td>
                <td>{nameOf(change.startedBy)}</td>
                <td>{leadCount(change.leads)} {actionWords(change.action, nameOf)}</td>
                <td>{STATE_WORDS[change.state]}{change.done !== null && `: ${leadCount(change.done)} changed`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
