import { ExportForm } from '@/components/export/export-form';
import { requirePageUser } from '@/lib/auth/session';
import { listUsers } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { EXPORT_EVENT_TYPES } from '@/lib/read/event-log/export/columns';

export const dynamic = 'force-dynamic';

export default async function ExportPage() {
  const user = await requirePageUser('export');
  const users = await listUsers(db(), user.tenantId);
  return (
    <>
      <h1>Export the audit log</h1>
      <p>
        Every event of your organisation, one row each, in the order they were stored. Choose filters, then download CSV or
        NDJSON. A BI tool can fetch the same export, and later only what is new, through the API (see the README).
      </p>
      <ExportForm eventTypes={[...EXPORT_EVENT_TYPES]} people={users.map(({ id, name }) => ({ id, name }))} />
    </>
  );
}
