import type { Metadata } from 'next';
import Link from 'next/link';
import { BlockNumberForm } from '@/components/do-not-call/block-number-form';
import { DoNotCallTable, historyHref } from '@/components/do-not-call/do-not-call-table';
import styles from '@/components/do-not-call/do-not-call.module.css';
import { page } from '@/lib/gate';
import { dncSourceLabel } from '@/lib/present/do-not-call';
import { phoneAsRead } from '@/lib/present/phone';
import { doNotCallCounts, doNotCallList } from '@/lib/read/do-not-call/queries';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { actorNames } from '@/lib/read/organisation/users';
import { parseSearchQuery } from '@/lib/read/search-terms/query';
import { system } from '@/lib/system/server';

// Every request reads the list as it is: a number blocked a moment ago is in it.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Do not call · Leadstream' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const count = (value: number) => value.toLocaleString('en-GB');

/** The organisation's do-not-call list, for managers and admins: search it, add to it, remove from it. */
export default async function DoNotCallPage({ searchParams }: Props) {
  const user = await page('manage-do-not-call');
  const { db } = system();
  const params = await searchParams;
  const search = single(params.q).slice(0, 100);
  const region = await tenantRegion(db, user.tenantId);
  const query = search.trim() ? parseSearchQuery(search, region) : null;
  const searchProblem = query?.kind === 'too-short' ? query.reason : query?.kind === 'text' ? 'Search by the digits of a number.' : null;
  const [list, counts, names] = await Promise.all([
    doNotCallList(db, user.tenantId, {
      ...(query?.kind === 'phone' ? { fragments: query.fragments, numbers: query.exact.map((digits) => `+${digits}`) } : {}),
      page: Number(single(params.page)) || 1,
    }),
    doNotCallCounts(db, user.tenantId),
    actorNames(db, user.tenantId),
  ]);
  const rows = searchProblem ? [] : list.rows.map((row) => ({
    phone: row.phone,
    shown: phoneAsRead(row.phone, region),
    reason: row.reason,
    source: dncSourceLabel(row.source),
    by: row.blockedBy ? (names.get(row.blockedBy) ?? row.blockedBy) : 'unknown',
    since: row.blockedAt,
  }));
  const exact = query?.kind === 'phone' ? query.exact[0] : undefined;
  const pageHref = (to: number) => `/do-not-call?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(to) })}`;
  const { bySource } = counts;

  return (
    <>
      <h1>Do not call</h1>
      <div className={styles.summary}>
        <p><strong>{count(counts.blocked)}</strong> {counts.blocked === 1 ? 'number' : 'numbers'} nobody of your organisation may call</p>
        <p className="muted">
          {count(bySource.manual)} added by hand, {count(bySource.import)} imported, {count(bySource.call)} from call outcomes,{' '}
          {count(bySource.api)} from other systems; {count(counts.removed)} removed since.
        </p>
      </div>
      <p>Agents see these numbers marked, with the reason, on every lead that holds one and in the lead list.</p>

      <section aria-labelledby="block-heading" className={styles.step}>
        <h2 id="block-heading">Block a number</h2>
        <BlockNumberForm />
        <p className="muted">Many numbers at once: <Link href="/do-not-call/import">import a list from a CSV file</Link>.</p>
      </section>

      <section aria-labelledby="list-heading" className={styles.step}>
        <h2 id="list-heading">Blocked numbers</h2>
        <form className={styles.search} role="search" aria-label="Blocked numbers" action="/do-not-call">
          <div className={styles.field}>
            <label htmlFor="dnc-search">Number contains</label>
            <input id="dnc-search" name="q" type="search" defaultValue={search} autoComplete="off" inputMode="tel"
              aria-invalid={searchProblem ? true : undefined} aria-describedby={searchProblem ? 'dnc-search-error' : undefined} />
          </div>
          <button type="submit" className={styles.quiet}>Search</button>
          {search && <Link href="/do-not-call">Show all</Link>}
        </form>
        {searchProblem && <p id="dnc-search-error" className="error">{searchProblem}</p>}
        {exact && <p><Link href={historyHref(`+${exact}`)}>History of {phoneAsRead(`+${exact}`, region)}</Link></p>}
        <p role="status" className="muted">
          {rows.length === 0
            ? (search ? 'No blocked number matches.' : 'No number is on the list yet.')
            : `${list.capped ? `${count(list.total - 1)}+` : count(list.total)} ${list.total === 1 ? 'number' : 'numbers'}${search ? ' match' : ''}, newest first.`}
        </p>
        {rows.length > 0 && <DoNotCallTable rows={rows} />}
        {list.pageCount > 1 && (
          <nav className={styles.pages} aria-label="Pages">
            {list.page > 1 && <Link href={pageHref(list.page - 1)}>Previous page</Link>}
            <span>Page {count(list.page)} of {count(list.pageCount)}</span>
            {list.page < list.pageCount && <Link href={pageHref(list.page + 1)}>Next page</Link>}
          </nav>
        )}
      </section>
    </>
  );
}
