import type { Metadata } from 'next';
import { BulkLeads } from '@/components/bulk/bulk-leads';
import { LeadsTable } from '@/components/leads-table/leads-table';
import { SavedViews } from '@/components/saved-views/saved-views';
import { can } from '@/lib/auth/roles';
import { toSearchString, type RawSearchParams } from '@/lib/read/lead-table/list-params';
import { page, reader } from '@/lib/gate';
import { blockedNumbers } from '@/lib/read/do-not-call/queries';
import { loadLeadList } from '@/lib/read/lead-table/leads-list';
import { savedViews } from '@/lib/read/saved-views/queries';

// Read at request time: every command changes the list.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Leads · Leadstream' };

/** The lead list: paging, sorting and filters all come from the URL, so any view can be shared. */
export default async function LeadsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await page('work-leads');
  const now = new Date();
  const db = await reader(user);
  const [list, views] = await Promise.all([loadLeadList(db, user, await searchParams, now), savedViews(db, user)]);
  const blocked = await blockedNumbers(db, user.tenantId, list.rows.flatMap((row) => row.phones.map((phone) => phone.e164)));
  const blockedPhones = Object.fromEntries([...blocked].map(([phone, entry]) => [phone, { reason: entry.reason, since: entry.blockedAt }]));
  return (
    <>
      <h1>Leads</h1>
      <SavedViews views={views} query={toSearchString({ ...list.params, page: 1 }).slice(1)} canShare={can(user.role, 'share-views')} />
      {can(user.role, 'bulk-change')
        ? <BulkLeads list={list} now={now.toISOString()} blockedPhones={blockedPhones} />
        : <LeadsTable list={list} now={now.toISOString()} blockedPhones={blockedPhones} />}
    </>
  );
}
