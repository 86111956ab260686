'use client';
import { useId } from 'react';
import type { RestoreChoice } from '@/lib/present/restore-choices';
import { describedBy, FieldError } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

/**
 * Puts one value of the lead's history back: a normal edit carrying the version the page showed,
 * so a change made meanwhile opens the conflict dialog and a refusal shows the rule's words.
 */
export function RestoreButton({ choice }: { choice: RestoreChoice }) {
  const { save, pending, error } = useLeadCommand();
  const id = useId();
  return (
    <span className={styles.restore}>
      <button
        type="button"
        className={styles.secondary}
        aria-label={choice.label}
        aria-describedby={describedBy(error && `${id}-error`)}
        disabled={pending}
        onClick={() => save(choice.command)}
      >
        {pending ? 'Restoring…' : choice.text}
      </button>
      <FieldError id={`${id}-error`} message={error?.message} />
    </span>
  );
}
