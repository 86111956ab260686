import type { Metadata } from 'next';
import { NewLeadForm } from '@/components/lead/new-lead-form';
import { requirePageUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { assignableOwners } from '@/lib/read/lead-detail';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New lead · Leadstream' };

export default async function NewLeadPage() {
  const user = await requirePageUser('work-leads');
  const owners = await assignableOwners(db(), user.tenantId);
  return (
    <>
      <h1>New lead</h1>
      <NewLeadForm owners={owners} currentUserId={user.id} />
    </>
  );
}
