'use client';
// In a list of leads: marks a lead someone else changed since the list was shown.
import { useState } from 'react';
import { useLiveChanges } from './live-provider';
import styles from './live.module.css';

export function ChangedMark({ leadId }: { leadId: string }) {
  const [changedBy, setChangedBy] = useState<string | null>(null);
  useLiveChanges((change, userId) => {
    if (change.leadId === leadId && change.actorId !== userId) setChangedBy(change.actorName ?? 'someone else');
  });
  if (!changedBy) return null;
  return (
    <span className={styles.changed} title={`Changed by ${changedBy} since this list was shown`}>
      changed<span className="visually-hidden"> by {changedBy} since this list was shown</span>
    </span>
  );
}
