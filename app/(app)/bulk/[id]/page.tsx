import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { BulkHistory } from '@/components/bulk/bulk-history';
import { BulkProgress } from '@/components/bulk/bulk-progress';
import { loadBulk } from '@/lib/bulk/run-bulk';
import type { BulkEvent } from '@/lib/bulk/bulk-stream';
import { NotFoundError } from '@/lib/errors';
import { page } from '@/lib/gate';
import { actorNames } from '@/lib/read/organisation/users';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Bulk change · Leadstream' };

/** One bulk change: how far it has got, the leads it did not change and why, and its audited history. */
export default async function BulkChangePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await page('bulk-change');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { store, db } = system();
  const { run } = await loadBulk(store, user.tenantId, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const events = await store.readStream(user.tenantId, id);
  const names = await actorNames(db, user.tenantId);
  const entries = events.map((event) => ({
    event: { type: event.type, data: event.data } as BulkEvent,
    at: event.occurredAt.toISOString(),
    actorName: names.get(event.metadata.actor ?? '') ?? event.metadata.actor ?? 'The system',
  }));
  return (
    <>
      <h1>{run.action.kind === 'undo' ? 'Undo of a bulk change' : 'Bulk change'}</h1>
      <BulkProgress batchId={id} renderedState={run.state} />
      <BulkHistory entries={entries} action={run.action} />
    </>
  );
}
