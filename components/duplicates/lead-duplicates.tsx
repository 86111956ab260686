import Link from 'next/link';
import { mergeHref, proposedSurvivor, reasonsText } from '@/lib/present/duplicates';
import type { LeadDuplicate } from '@/lib/read/duplicates/queries';
import { StrengthBadge } from './strength-badge';
import styles from './duplicates.module.css';

type Props = { lead: { leadId: string; name: string; createdAt: Date }; duplicates: readonly LeadDuplicate[]; canMerge: boolean; region: string };

/** "Possible duplicates: 2" on a lead's page, opening to who they are and why. Nothing when there are none. */
export function LeadDuplicates({ lead, duplicates, canMerge, region }: Props) {
  if (duplicates.length === 0) return null;
  return (
    <details className={styles.onLead}>
      <summary>Possible duplicates: {duplicates.length}</summary>
      <ul aria-label="Possible duplicates">
        {duplicates.map((duplicate) => {
          const [survivor, other] = proposedSurvivor(lead, duplicate);
          return (
            <li key={duplicate.leadId}>
              <StrengthBadge strength={duplicate.verdict.strength} />
              <Link href={`/leads/${duplicate.leadId}`}>{duplicate.name}</Link>: {reasonsText(duplicate.verdict.reasons, region)}.{' '}
              {canMerge && (
                <Link href={mergeHref(survivor.leadId, other.leadId)} aria-label={`Merge ${duplicate.name} with this lead`}>Merge…</Link>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
