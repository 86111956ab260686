'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { unblockNumber } from '@/app/(app)/do-not-call/actions';
import type { ActionError } from '@/lib/gate/result';
import styles from './do-not-call.module.css';

/**
 * Takes a number off the list: asks first for the reason the number's history keeps, and the
 * manager confirms by removing it with that reason.
 */
export function UnblockControl({ phone, shown }: { phone: string; shown: string }) {
  const router = useRouter();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const remove = useMutation<unknown, ActionError, string>({
    mutationFn: async (reason) => {
      const result = await unblockNumber({ phone, reason });
      if (!result.ok) throw result.error;
      return result.data;
    },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const error = remove.error ? (remove.error.fields?.reason ?? remove.error.fields?.phone ?? remove.error.message) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate(String(new FormData(event.currentTarget).get('reason') ?? ''));
  }

  if (!open) {
    return (
      <button type="button" className={styles.quiet} onClick={() => setOpen(true)}>
        Remove<span className="visually-hidden"> {shown} from the list</span>
      </button>
    );
  }
  return (
    <form className={styles.removeForm} onSubmit={submit} noValidate aria-label={`Remove ${shown} from the do-not-call list`}>
      <label htmlFor={reasonId}>Why may {shown} be called again?</label>
      <input id={reasonId} name="reason" autoComplete="off" autoFocus maxLength={500} placeholder="e.g. Gave consent in writing"
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${reasonId}-error` : undefined} />
      <span className={styles.actions}>
        <button type="submit" className={styles.danger} disabled={remove.isPending}>
          {remove.isPending ? 'Removing…' : `Remove ${shown}`}
        </button>
        <button type="button" className={styles.quiet} onClick={() => { setOpen(false); remove.reset(); }}>Cancel</button>
      </span>
      {error && <p id={`${reasonId}-error`} role="alert" className="error">{error}</p>}
    </form>
  );
}
