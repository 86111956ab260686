'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { blockNumber } from '@/app/(app)/do-not-call/actions';
import { describedBy, FieldError } from '@/components/lead/field-error';
import type { ActionError } from '@/lib/gate/result';
import styles from './do-not-call.module.css';

type Input = { phone: string; reason: string };

/**
 * Puts a number on the list, with the reason the audit log keeps. A refusal is shown next to the
 * field it is about (a malformed number, a number already blocked, a missing reason).
 */
export function BlockNumberForm({ phone: given = '' }: { phone?: string }) {
  const router = useRouter();
  const id = useId();
  const [input, setInput] = useState<Input>({ phone: given, reason: '' });
  const [done, setDone] = useState<string | null>(null);
  const block = useMutation<unknown, ActionError, Input>({
    mutationFn: async (sent) => {
      const result = await blockNumber(sent);
      if (!result.ok) throw result.error;
      return result.data;
    },
    onSuccess: (_outcome, sent) => {
      setDone(`${sent.phone.trim()} is on the do-not-call list: nobody of your organisation will be offered it.`);
      setInput({ phone: given, reason: '' });
      router.refresh();
    },
  });
  const fields = block.error?.fields ?? {};
  const general = block.error && !fields.phone && !fields.reason ? block.error.message : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    block.mutate(input);
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Block a number">
      <div className={styles.field}>
        <label htmlFor={`${id}-phone`}>Phone number</label>
        <input id={`${id}-phone`} type="tel" autoComplete="off" value={input.phone} maxLength={50}
          aria-invalid={fields.phone ? true : undefined} aria-describedby={describedBy(fields.phone && `${id}-phone-error`)}
          onChange={(event) => setInput({ ...input, phone: event.target.value })} />
        <FieldError id={`${id}-phone-error`} message={fields.phone} />
      </div>
      <div className={`${styles.field} ${styles.reason}`}>
        <label htmlFor={`${id}-reason`}>Reason</label>
        <input id={`${id}-reason`} autoComplete="off" value={input.reason} maxLength={500} placeholder="e.g. Asked not to be called again"
          aria-invalid={fields.reason ? true : undefined} aria-describedby={describedBy(fields.reason && `${id}-reason-error`)}
          onChange={(event) => setInput({ ...input, reason: event.target.value })} />
        <FieldError id={`${id}-reason-error`} message={fields.reason} />
      </div>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={block.isPending}>{block.isPending ? 'Blocking…' : 'Block number'}</button>
      </div>
      {general && <p role="alert" className="error">{general}</p>}
      <p role="status" className={styles.done}>{done}</p>
    </form>
  );
}
