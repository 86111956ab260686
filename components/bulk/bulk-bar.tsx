'use client';
import Link from 'next/link';
import type { LeadOwner } from '@/lib/read/lead-table/leads-list';
import { BulkActionForm } from './bulk-action-form';
import { leadCount } from './bulk-words';
import styles from './bulk.module.css';

type Props = {
  selected: ReadonlyMap<string, number>;
  /** Every lead matching this filter, as it was when chosen. */
  matching: { filter: string; leads: readonly { leadId: string; version: number }[] } | null;
  canSelectMatching: boolean;
  selecting: boolean;
  selectError: string | null;
  owners: readonly LeadOwner[];
  onSelectMatching: () => void;
  onClear: () => void;
};

/** What is selected on the list, and what to do with it. */
export function BulkBar({ selected, matching, canSelectMatching, selecting, selectError, owners, onSelectMatching, onClear }: Props) {
  const matchingWords = matching && `All ${leadCount(matching.leads.length)} matching this filter selected`;
  const target = matching
    ? { filter: matching.filter, leads: matching.leads }
    : { filter: null, leads: [...selected].map(([leadId, version]) => ({ leadId, version })) };
  const any = matching !== null || selected.size > 0;
  return (
    <section className={styles.bar} aria-label="Bulk change">
      <p className={styles.selection}>
        <span role="status">{matchingWords ?? (selected.size > 0 ? `${leadCount(selected.size)} selected` : 'No leads selected')}</span>
        {!matching && canSelectMatching && (
          <button type="button" className={styles.link} onClick={onSelectMatching} disabled={selecting}>Select all leads matching this filter</button>
        )}
        {selectError && <span role="alert" className="error">{selectError}</span>}
        {any && <button type="button" className={styles.link} onClick={onClear}>Clear selection</button>}
        <Link href="/bulk" className={styles.recent}>Recent bulk changes</Link>
      </p>
      {any && <BulkActionForm target={target} owners={owners} />}
    </section>
  );
}
