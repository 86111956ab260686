'use client';
import { useEffect, useId, useRef } from 'react';
import { sectionChange } from '@/lib/dialing/rules-events';
import type { ActionError } from '@/lib/gate/result';
import { changeText } from '@/lib/present/dialing-rules';
import { formatWhen } from '@/lib/present/history-lines';
import styles from './dialing.module.css';

type Props = {
  readonly title: string;
  readonly conflict: ActionError;
  readonly names: Readonly<Record<string, string>>;
  readonly pending: boolean;
  onApply(): void;
  onDiscard(): void;
};

/**
 * Someone changed this section since the manager loaded it. A modal dialog (Escape is "discard")
 * says who changed what and when, and lets them save theirs on top of it or drop it, as the lead
 * page does for a lead.
 */
export function ConflictDialog({ title, conflict, names, pending, onApply, onDiscard }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    heading.current?.focus();
  }, []);
  const nameOf = (userId: string) => names[userId] ?? userId;
  const changes = (conflict.changes ?? []).flatMap((event) => {
    const change = sectionChange(event);
    return change ? [{ ...event, text: changeText(change, nameOf) }] : [];
  });
  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(event) => {
        event.preventDefault();
        onDiscard();
      }}
    >
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>The {title.toLowerCase()} changed while you were editing</h2>
      <p id={`${id}-intro`}>Your change was not saved, because someone changed the {title.toLowerCase()} meanwhile:</p>
      <ul>
        {changes.map((change) => (
          <li key={change.version}>
            <time dateTime={change.occurredAt}>{formatWhen(change.occurredAt)} UTC</time> {change.actor ? nameOf(change.actor) : 'Someone'}: {change.text}
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={onApply} disabled={pending}>{pending ? 'Applying…' : 'Apply my change anyway'}</button>
        <button type="button" className={styles.secondary} onClick={onDiscard} disabled={pending}>Discard my change</button>
      </div>
    </dialog>
  );
}
