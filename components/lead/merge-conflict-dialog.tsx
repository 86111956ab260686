'use client';
import type { ActionError } from '@/lib/gate/result';
import { ChangesDialog } from '@/components/changes-dialog';
import { usePhoneRegion } from '@/components/phone-region';
import { leadChanges } from './command-summary';
import styles from './lead.module.css';

type Props = { error: ActionError; names: Readonly<Record<string, string>>; onReload(): void; onCancel(): void };

/**
 * One of the two leads changed after the merge screen was opened: nothing was merged. Lists who
 * changed what and when; the manager looks at the leads again as they are now, or closes it.
 */
export function MergeConflictDialog({ error, names, onReload, onCancel }: Props) {
  const region = usePhoneRegion();
  return (
    <ChangesDialog
      title="A lead changed while you were merging"
      intro="Nothing was merged, because someone changed one of the leads meanwhile:"
      changes={leadChanges(error, names, region)}
      onCancel={onCancel}
      restoreFocus={() => document.querySelector<HTMLElement>('main h1')?.focus()}
    >
      <div className={styles.actions}>
        <button type="button" className="button" onClick={onReload}>See the leads as they are now</button>
        <button type="button" className={styles.secondary} onClick={onCancel}>Close</button>
      </div>
    </ChangesDialog>
  );
}
