'use client';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import type { CommandOutcome } from '@/app/(app)/leads/actions';
import { usePhoneAsRead, usePhoneRegion } from '@/components/phone-region';
import { formatWhen, historyLines } from '@/lib/present/history-lines';
import { summariseEdit } from './command-summary';
import { CommandRefused, type Conflict, type SentCommand } from './lead-command';
import styles from './lead.module.css';

type Props = {
  conflict: Conflict;
  names: Readonly<Record<string, string>>;
  send(command: SentCommand): Promise<CommandOutcome>;
  onApplied(outcome: CommandOutcome): void;
  onConflictAgain(conflict: Conflict): void;
  onDiscard(): void;
};

/**
 * Someone changed what the agent was changing. A modal dialog (focus kept inside, Escape is
 * "discard") lists who changed what and when, and lets the agent apply their change on top of it
 * (the same command, now expecting the current version) or drop it.
 */
export function ConflictDialog({ conflict, names, send, onApplied, onConflictAgain, onDiscard }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const discarded = useRef(false);
  const { sent, error } = conflict;
  const region = usePhoneRegion();
  const asRead = usePhoneAsRead();
  const discard = () => {
    discarded.current = true;
    onDiscard();
  };

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    heading.current?.focus();
    return () => {
      // Back where the agent was; after a discard (or if that control is gone), to the lead's name.
      const usable = opener?.isConnected && opener !== document.body && !opener.matches(':disabled');
      const target = usable && !discarded.current ? opener : document.querySelector<HTMLElement>('main h1');
      target?.focus();
    };
  }, []);

  const apply = useMutation({
    mutationFn: () => send({ ...sent, expectedVersion: error.currentVersion ?? sent.expectedVersion }),
    onSuccess: onApplied,
    onError: (refusal) => {
      if (refusal instanceof CommandRefused && refusal.error.kind === 'conflict') onConflictAgain({ ...conflict, sent: refusal.sent, error: refusal.error });
    },
  });
  const applyError = apply.error instanceof CommandRefused ? apply.error.error.message : apply.error ? 'Could not reach Leadstream. Try again.' : null;

  const changes = historyLines(
    (error.changes ?? []).map((change) => ({ ...change, commandId: null })),
    (userId) => names[userId],
    new Map(),
    region,
  );

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(event) => {
        event.preventDefault();
        discard();
      }}
    >
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>This lead changed while you were editing</h2>
      <p id={`${id}-intro`}>Your change was not saved, because someone changed the same thing meanwhile:</p>
      <ul className={styles.changeList}>
        {changes.map((line) => (
          <li key={line.key}>
            <time dateTime={line.at}>{formatWhen(line.at)} UTC</time> {line.text}
          </li>
        ))}
      </ul>
      <p>
        <strong>Your change:</strong> {summariseEdit(sent, names, asRead)}
      </p>
      {applyError && <p className="error" role="alert">{applyError}</p>}
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => apply.mutate()} disabled={apply.isPending}>
          {apply.isPending ? 'Applying…' : 'Apply my change anyway'}
        </button>
        <button type="button" className={styles.secondary} onClick={discard} disabled={apply.isPending}>
          Discard my change
        </button>
      </div>
    </dialog>
  );
}
