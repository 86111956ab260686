'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { formatWhen } from '@/lib/present/history-lines';
import styles from './lead/lead.module.css';

/** One change someone else made, worded: when, and the sentence saying who did what. */
export type WordedChange = { readonly key: string; readonly at: string; readonly text: string };

type Props = {
  readonly title: string;
  readonly intro: string;
  /** What others changed meanwhile, as the refusal listed it. */
  readonly changes: readonly WordedChange[];
  /** Escape: the dialog's way out. */
  onCancel(): void;
  /** Where focus goes when the dialog closes, given what had it when the dialog opened; by default, where the browser puts it. */
  restoreFocus?(opener: HTMLElement | null): void;
  /** What the user may do next: their own change, the actions. */
  readonly children: ReactNode;
};

/**
 * A modal dialog (focus kept inside, Escape cancels) saying who changed what and when, for a change
 * refused by a conflict: the lead page's, the merge screen's and the dialing rules'.
 */
export function ChangesDialog({ title, intro, changes, onCancel, restoreFocus, children }: Props) {
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
    return () => restore.current?.(opener);
  }, []);

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
        {changes.map((change) => (
          <li key={change.key}>
            <time dateTime={change.at}>{formatWhen(change.at)} UTC</time> {change.text}
          </li>
        ))}
      </ul>
      {children}
    </dialog>
  );
}
