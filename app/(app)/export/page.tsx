import { ExportForm } from '@/components/export/export-form';
import { page, reader } from '@/lib/gate';
import { system } from '@/lib/system/server';
import { exportColumns } from '@/lib/read/event-log/export/columns';
import { tenantUsers } from '@/lib/read/organisation/users';

export const dynamic = 'force-dynamic';

export default async function ExportPage() {
  const user = await page('export');
  const { registry } = system();
  const users = await tenantUsers(await reader(user), user.tenantId);
  return (
    <>
      <h1>Export the audit log</h1>
      <p>
        Every event of your organisation, one row each, in the order they were stored. Choose filters, then download CSV or
        NDJSON. A BI tool can fetch the same export, and later only what is new, through the API (see the README).
      </p>
      <ExportForm eventTypes={[...exportColumns(registry).eventTypes]} people={users.map(({ id, name }) => ({ id, name }))} />
    </>
  );
}
