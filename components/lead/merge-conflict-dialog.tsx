'use client';
import { useEffect, useId, useRef } from 'react';
import type { ActionError } from '@/lib/gate/result';
import { formatWhen, historyLines } from '@/lib/present/history-lines';
import styles from './lead.module.css';

type Props = { error: ActionError; names: Readonly<Record<string, string>>; onReload(): void; onCancel(): void };

/**
 * One of the two leads changed after the merge screen was opened: nothing was merged. A modal
 * dialog, in the style of the lead page's conflict dialog, lists who changed what and when; the
 * manager looks at the leads again as they are now, or closes it.
 */
export function MergeConflictDialog({ error, names, onReload, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    heading.current?.focus();
    return () => document.querySelector<HTMLElement>('main h1')?.focus();
  }, []);

  const changes = historyLines((error.changes ?? []).map((change) => ({ ...change, commandId: null })), (userId) => names[userId]);

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>A lead changed while you were merging</h2>
      <p id={`${id}-intro`}>Nothing was merged, because someone changed one of the leads meanwhile:</p>
      <ul className={styles.changeList}>
        {changes.map((line) => (
          <li key={line.key}>
            <time dateTime={line.at}>{formatWhen(line.at)} UTC</time> {line.text}
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={onReload}>See the leads as they are now</button>
        <button type="button" className={styles.secondary} onClick={onCancel}>Close</button>
      </div>
    </dialog>
  );
}
