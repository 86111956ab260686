import type { Role } from '@/lib/auth/roles';
import { AccessControl } from './access-control';
import { RoleSelect } from './role-select';
import { ROLE_LABELS } from './role-labels';
import styles from './admin.module.css';

type User = { id: string; name: string; email: string; role: string; active: boolean };

export function UsersTable({ users, currentUserId }: { users: readonly User[]; currentUserId: string }) {
  return (
    <table>
      <thead>
        <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Access</th></tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} className={user.active ? undefined : styles.inactive}>
            <td>{user.name}</td>
            <td>{user.email}</td>
            <td>
              {user.id === currentUserId ? (
                <span className={styles.roleCell}>{ROLE_LABELS[user.role as Role] ?? user.role} <span className={styles.you}>(you: another admin can change your role)</span></span>
              ) : (
                <RoleSelect userId={user.id} userName={user.name} role={user.role as Role} />
              )}
            </td>
            <td>
              {user.id === currentUserId ? 'Active (you)' : <AccessControl userId={user.id} userName={user.name} active={user.active} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
