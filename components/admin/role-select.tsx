'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { changeUserRole } from '@/app/(app)/admin/users/actions';
import { ROLES, type Role } from '@/lib/auth/roles';
import { ROLE_LABELS } from './role-labels';
import styles from './admin.module.css';

/** Changes a user's role as soon as another is picked; shows the new role at once and goes back if refused. */
export function RoleSelect({ userId, userName, role }: { userId: string; userName: string; role: Role }) {
  const [shown, setShown] = useState<Role>(role);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const change = useMutation({
    mutationFn: async (next: Role) => {
      const result = await changeUserRole({ userId, role: next });
      if (!result.ok) throw new Error(result.error.message);
    },
    onMutate: (next) => {
      const previous = shown;
      setShown(next);
      setMessage(null);
      return { previous };
    },
    onError: (error, _next, context) => {
      if (context) setShown(context.previous);
      setMessage({ text: error.message, error: true });
    },
    onSuccess: (_data, next) => setMessage({ text: `${userName} is now ${ROLE_LABELS[next].toLowerCase()}.`, error: false }),
  });
  const id = `role-${userId}`;
  return (
    <span className={styles.roleCell}>
      <label htmlFor={id} className="visually-hidden">Role of {userName}</label>
      <select id={id} value={shown} disabled={change.isPending} onChange={(event) => change.mutate(event.target.value as Role)}>
        {ROLES.map((value) => <option key={value} value={value}>{ROLE_LABELS[value]}</option>)}
      </select>
      <span role="status" className={message?.error ? 'error' : styles.saved}>{message?.text}</span>
    </span>
  );
}
