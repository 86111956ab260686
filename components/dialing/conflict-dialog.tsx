'use client';
import { ChangesDialog } from '@/components/changes-dialog';
import { sectionChange } from '@/lib/dialing/rules-events';
import type { ActionError } from '@/lib/gate/result';
import { changeText } from '@/lib/present/dialing-rules';
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
  const nameOf = (userId: string) => names[userId] ?? userId;
  const changes = (conflict.changes ?? []).flatMap((event) => {
    const change = sectionChange(event);
    const who = event.actor ? nameOf(event.actor) : 'Someone';
    return change ? [{ key: String(event.version), at: event.occurredAt, text: `${who}: ${changeText(change, nameOf)}` }] : [];
  });
  return (
    <ChangesDialog
      title={`The ${title.toLowerCase()} changed while you were editing`}
      intro={`Your change was not saved, because someone changed the ${title.toLowerCase()} meanwhile:`}
      changes={changes}
      onCancel={onDiscard}
    >
      <div className={styles.actions}>
        <button type="button" className="button" onClick={onApply} disabled={pending}>{pending ? 'Applying…' : 'Apply my change anyway'}</button>
        <button type="button" className={styles.secondary} onClick={onDiscard} disabled={pending}>Discard my change</button>
      </div>
    </ChangesDialog>
  );
}
