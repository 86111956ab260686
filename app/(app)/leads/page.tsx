import type { Metadata } from 'next';
import { LeadsTable } from '@/components/leads-table/leads-table';
import type { RawSearchParams } from '@/lib/read/lead-table/list-params';
import { page } from '@/lib/gate';
import { system } from '@/lib/system/server';
import { loadLeadList } from '@/lib/read/lead-table/leads-list';

// Read at request time: every command changes the list.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Leads · Leadstream' };

/** The lead list: paging, sorting and filters all come from the URL, so any view can be shared. */
export default async function LeadsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await page('work-leads');
  const now = new Date();
  const list = await loadLeadList(system().db, user, await searchParams, now);
  return (
    <>
      <h1>Leads</h1>
      <LeadsTable list={list} now={now.toISOString()} />
    </>
  );
}
