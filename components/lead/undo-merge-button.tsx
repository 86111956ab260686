'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { undoMerge } from '@/app/(app)/leads/actions';
import type { UndoableMerge } from '@/lib/read/lead-detail';
import styles from './lead.module.css';

/** For managers, on the survivor of a merge: gives back the lead the merge took in, named on the button. */
export function UndoMergeButton({ leadId, merge }: { leadId: string; merge: UndoableMerge }) {
  const router = useRouter();
  const undo = useMutation({
    mutationFn: async () => {
      const result = await undoMerge({ survivorId: leadId, mergeId: merge.mergeId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <div className={styles.inline}>
      <button type="button" className={styles.secondary} onClick={() => undo.mutate()} disabled={undo.isPending}>
        {undo.isPending ? 'Undoing…' : `Undo merge with “${merge.name}”`}
      </button>
      {undo.error && <p className="error" role="alert">{undo.error.message}</p>}
    </div>
  );
}
