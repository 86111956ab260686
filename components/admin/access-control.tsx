'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { deactivateUser, reactivateUser } from '@/app/(app)/admin/users/actions';
import styles from './admin.module.css';

/**
 * Deactivates an active user or reactivates a deactivated one, asking first for the reason the
 * audit log keeps. Their sessions end at once; their leads and history stay.
 */
export function AccessControl({ userId, userName, active }: { userId: string; userName: string; active: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const verb = active ? 'Deactivate' : 'Reactivate';
  const change = useMutation({
    mutationFn: async (reason: string) => {
      const result = await (active ? deactivateUser : reactivateUser)({ userId, reason });
      if (!result.ok) throw new Error(result.error.fields?.reason ?? result.error.message);
    },
    onSuccess: () => {
      setOpen(false);
      setError(null);
      router.refresh();
    },
    onError: (failure) => setError(failure.message),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate(String(new FormData(event.currentTarget).get('reason') ?? ''));
  }

  if (!open) {
    return (
      <span className={styles.roleCell}>
        {active ? 'Active' : <strong>Deactivated</strong>}
        <button type="button" className={active ? styles.revoke : styles.quiet} onClick={() => setOpen(true)}>{verb}<span className="visually-hidden"> {userName}</span></button>
      </span>
    );
  }
  return (
    <form className={styles.accessForm} onSubmit={submit} noValidate aria-label={`${verb} ${userName}`}>
      <label htmlFor={reasonId}>Reason</label>
      <input id={reasonId} name="reason" autoComplete="off" autoFocus maxLength={500} aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${reasonId}-error` : undefined}
        placeholder={active ? 'e.g. Left the company' : 'e.g. Back from leave'} />
      <button type="submit" className={active ? styles.revoke : styles.quiet} disabled={change.isPending}>
        {change.isPending ? `${verb.slice(0, -1)}ing…` : `${verb} ${userName}`}
      </button>
      <button type="button" className={styles.quiet} onClick={() => { setOpen(false); setError(null); }}>Cancel</button>
      {error && <p id={`${reasonId}-error`} role="alert" className="error">{error}</p>}
    </form>
  );
}
