import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MergeForm } from '@/components/lead/merge-form';
import { page } from '@/lib/gate';
import { actorNames } from '@/lib/read/organisation/users';
import { leadById } from '@/lib/read/lead-table/lead-by-id';
import { system } from '@/lib/system/server';

// The versions of both leads are read on every request: the merge is checked against them.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Merge leads · Leadstream' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/leads/<survivorId>/merge?with=<otherId>`: a manager chooses, field by field, what the surviving lead keeps. */
export default async function MergePage({ params, searchParams }: Props) {
  const user = await page('merge-leads');
  const { id } = await params;
  const other = (await searchParams).with;
  if (typeof other !== 'string') notFound();
  const { db } = system();
  const [survivor, absorbed, names] = await Promise.all([leadById(db, user.tenantId, id), leadById(db, user.tenantId, other), actorNames(db, user.tenantId)]);
  if (!survivor || !absorbed) notFound();
  const merged = [survivor, absorbed].find((lead) => lead.mergedInto);
  return (
    <>
      <h1>Merge “{absorbed.name}” into “{survivor.name}”</h1>
      {merged || survivor.leadId === absorbed.leadId ? (
        <p className="error" role="alert">
          {merged ? `“${merged.name}” was already merged into another lead.` : 'A lead cannot be merged with itself.'}{' '}
          <Link href={`/leads/${survivor.leadId}`}>Back to the lead</Link>
        </p>
      ) : (
        <>
          <p>
            “{survivor.name}” stays; “{absorbed.name}” is merged into it, with its notes, calls and history.{' '}
            <Link href={`/leads/${absorbed.leadId}/merge?with=${survivor.leadId}`}>Keep “{absorbed.name}” instead</Link>
          </p>
          <MergeForm key={`${survivor.version}-${absorbed.version}`} survivor={survivor} absorbed={absorbed} names={Object.fromEntries(names)} />
        </>
      )}
    </>
  );
}
