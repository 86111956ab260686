import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BlockNumberForm } from '@/components/do-not-call/block-number-form';
import { DoNotCallMark } from '@/components/do-not-call/do-not-call-mark';
import styles from '@/components/do-not-call/do-not-call.module.css';
import { NumberHistory } from '@/components/do-not-call/number-history';
import { UnblockControl } from '@/components/do-not-call/unblock-control';
import { e164 } from '@/lib/do-not-call/do-not-call';
import { page } from '@/lib/gate';
import { phoneAsRead } from '@/lib/present/phone';
import { blockedNumbers } from '@/lib/read/do-not-call/queries';
import { numberHistory } from '@/lib/read/event-log/number-history';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { actorNames } from '@/lib/read/organisation/users';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ number: string }> };

/** `/do-not-call/447911123456`: the number's E.164 digits, or nothing this page knows. */
function numberOf(segment: string): string | null {
  const phone = `+${segment}`;
  return e164.safeParse(phone).success ? phone : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const phone = numberOf((await params).number);
  return { title: phone ? `${phone} · Do not call · Leadstream` : 'Do not call · Leadstream' };
}

/** One number: whether it is on the list now, and every time it was blocked or removed, by whom and why. */
export default async function NumberHistoryPage({ params }: Props) {
  const user = await page('manage-do-not-call');
  const phone = numberOf((await params).number);
  if (!phone) notFound();
  const { db, store } = system();
  const [region, history, blocked, names] = await Promise.all([
    tenantRegion(db, user.tenantId),
    numberHistory(store, user.tenantId, phone),
    blockedNumbers(db, user.tenantId, [phone]),
    actorNames(db, user.tenantId),
  ]);
  const shown = phoneAsRead(phone, region);
  const entry = blocked.get(phone);
  const entries = history.map((change) => ({ ...change, byName: change.by ? (names.get(change.by) ?? change.by) : 'unknown' }));

  return (
    <>
      <p><Link href="/do-not-call">Do not call</Link></p>
      <h1>{shown}</h1>
      <section aria-labelledby="now-heading" className={styles.step}>
        <h2 id="now-heading">Now</h2>
        {entry ? (
          <>
            <p className={styles.status}><DoNotCallMark note={{ reason: entry.reason, since: entry.blockedAt }} /></p>
            <UnblockControl phone={phone} shown={shown} />
          </>
        ) : (
          <>
            <p className={styles.status}>Not on the do-not-call list: agents may call it.</p>
            <BlockNumberForm phone={shown} />
          </>
        )}
      </section>
      <section aria-labelledby="history-heading" className={styles.step}>
        <h2 id="history-heading">History</h2>
        <NumberHistory entries={entries} />
      </section>
    </>
  );
}
