import Link from 'next/link';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UsersTable } from '@/components/admin/users-table';
import { page } from '@/lib/gate';
import { tenantUsers } from '@/lib/read/organisation/users';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

export default async function AdminUsersPage() {
  const admin = await page('manage-users');
  const users = await tenantUsers(system().db, admin.tenantId);
  return (
    <>
      <h1>Users</h1>
      <p>BI tools fetch the audit log with <Link href="/admin/tokens">API tokens</Link>.</p>
      <section aria-labelledby="add-user-heading">
        <h2 id="add-user-heading">Add a user</h2>
        <CreateUserForm />
      </section>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Users of your organisation ({users.length})</h2>
        <UsersTable users={users} currentUserId={admin.id} />
      </section>
    </>
  );
}
