import type { Metadata } from 'next';
import { NewLeadForm } from '@/components/lead/new-lead-form';
import { page } from '@/lib/gate';
import { system } from '@/lib/system/server';
import { assignableUsers } from '@/lib/read/organisation/users';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New lead · Leadstream' };

export default async function NewLeadPage() {
  const user = await page('work-leads');
  const owners = await assignableUsers(system().db, user.tenantId);
  return (
    <>
      <h1>New lead</h1>
      <NewLeadForm owners={owners} currentUserId={user.id} />
    </>
  );
}
