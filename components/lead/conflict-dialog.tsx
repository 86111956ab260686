'use client';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import type { CommandOutcome } from '@/app/(app)/leads/actions';
import { ChangesDialog } from '@/components/changes-dialog';
import { usePhoneAsRead, usePhoneRegion } from '@/components/phone-region';
import { leadChanges, summariseEdit } from './command-summary';
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
  const discarded = useRef(false);
  const { sent, error } = conflict;
  const region = usePhoneRegion();
  const asRead = usePhoneAsRead();
  const discard = () => {
    discarded.current = true;
    onDiscard();
  };

  const apply = useMutation({
    mutationFn: () => send({ ...sent, expectedVersion: error.currentVersion ?? sent.expectedVersion }),
    onSuccess: onApplied,
    onError: (refusal) => {
      if (refusal instanceof CommandRefused && refusal.error.kind === 'conflict') onConflictAgain({ ...conflict, sent: refusal.sent, error: refusal.error });
    },
  });
  const applyError = apply.error instanceof CommandRefused ? apply.error.error.message : apply.error ? 'Could not reach Leadstream. Try again.' : null;

  return (
    <ChangesDialog
      title="This lead changed while you were editing"
      intro="Your change was not saved, because someone changed the same thing meanwhile:"
      changes={leadChanges(error, names, region)}
      onCancel={discard}
      restoreFocus={(opener) => {
        // Back where the agent was; after a discard (or if that control is gone), to the lead's name.
        const usable = opener?.isConnected && opener !== document.body && !opener.matches(':disabled');
        const target = usable && !discarded.current ? opener : document.querySelector<HTMLElement>('main h1');
        target?.focus();
      }}
    >
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
    </ChangesDialog>
  );
}
