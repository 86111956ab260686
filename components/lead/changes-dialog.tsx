'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { InterveningChange } from '@/lib/errors';
import { formatWhen, historyLines } from '@/lib/present/history-lines';
import styles from './lead.module.css';

type Props = {
  readonly title: string;
  readonly intro: string;
  /** What others changed meanwhile, as the refusal listed it. */
  readonly changes: readonly InterveningChange[];
  readonly names: Readonly<Record<string, string>>;
  /** Escape: the dialog's way out. */
  onCancel(): void;
  /** Where focus goes when the dialog closes, given what had it when the dialog opened. */
  restoreFocus(opener: HTMLElement | null): void;
  /** What the user may do next: their own change, the actions. */
  readonly children: ReactNode;
};

/** A modal dialog (focus kept inside) saying who changed what and when, for a change refused by a conflict. */
export function ChangesDialog({ title, intro, changes, names, onCancel, restoreFocus, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const restore = useRef(restoreFocus);
  restore.current = restoreFocus;
  const id = useId();

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    heading.current?.focus();
    return () => restore.current(opener);
  }, []);

  const lines = historyLines(changes.map((change) => ({ ...change, commandId: null })), (userId) => names[userId]);
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
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>{title}</h2>
      <p id={`${id}-intro`}>{intro}</p>
      <ul className={styles.changeList}>
        {lines.map((line) => (
          <li key={line.key}>
            <time dateTime={line.at}>{formatWhen(line.at)} UTC</time> {line.text}
          </li>
        ))}
      </ul>
      {children}
    </dialog>
  );
}
