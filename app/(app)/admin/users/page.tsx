import Link from 'next/link';
import { AccessHistory } from '@/components/admin/access-history';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UsersTable } from '@/components/admin/users-table';
import { page } from '@/lib/gate';
import { accessHistory } from '@/lib/read/event-log/staff-access';
import { actorNames, tenantUsers } from '@/lib/read/organisation/users';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

export default async function AdminUsersPage() {
  const admin = await page('manage-users');
  const { db, store } = system();
  const users = await tenantUsers(db, admin.tenantId);
  const [history, names] = await Promise.all([accessHistory(store, admin.tenantId, users.map((user) => user.id)), actorNames(db, admin.tenantId)]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : 'unknown');
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
        <p className="muted">
          Deactivating someone ends their sessions at once, stops them logging in and stops the API tokens they created;
          their leads and history stay, under their name.
        </p>
        <UsersTable users={users} currentUserId={admin.id} />
      </section>
      <section aria-labelledby="access-history-heading">
        <h2 id="access-history-heading">Access history</h2>
        <AccessHistory rows={history.map((change) => ({ at: change.at, userName: nameOf(change.userId), change: change.change, byName: nameOf(change.by), reason: change.reason }))} />
      </section>
    </>
  );
}
