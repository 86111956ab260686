'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { BulkStarted } from '@/lib/api/bulk';
import type { ActionError } from '@/lib/gate/result';
import { fromUtcInput } from '@/lib/input/time';
import type { LeadOwner } from '@/lib/read/lead-table/leads-list';
import { LEAD_STATUSES } from '@/lib/leads/values';
import { STATUS_LABELS } from '@/lib/present/labels';
import { postBulk } from './post-bulk';
import { leadCount } from './bulk-words';
import styles from './bulk.module.css';

export type BulkTargetChoice = { readonly filter: string | null; readonly leads: readonly { leadId: string; version: number }[] };

const KINDS = [
  ['status', 'Change status'],
  ['assign', 'Assign to agents'],
  ['set-callback', 'Set callback'],
  ['clear-callback', 'Clear callback'],
  ['do-not-call', 'Add to the do-not-call list'],
  ['note', 'Add a note'],
] as const;
type Kind = (typeof KINDS)[number][0];

/** The change to make, checked by the server (each bad field named), then carried out in the background. */
export function BulkActionForm({ target, owners }: { target: BulkTargetChoice; owners: readonly LeadOwner[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>('status');
  const [status, setStatus] = useState<string>('Closed');
  const [at, setAt] = useState('');
  const [ownerIds, setOwnerIds] = useState<string[]>([]);
  const [text, setText] = useState('');
  const start = useMutation<BulkStarted, ActionError>({
    mutationFn: () => postBulk('/api/bulk', { action: actionOf(), leads: target.leads, filter: target.filter }),
    onSuccess: (started) => router.push(`/bulk/${started.batchId}`),
  });

  function actionOf() {
    switch (kind) {
      case 'status': return { kind, status, followUpAt: status === 'FollowUp' ? fromUtcInput(at) : null };
      case 'assign': return { kind, ownerIds };
      case 'set-callback': return { kind, at: fromUtcInput(at) };
      case 'clear-callback': return { kind };
      case 'do-not-call': return { kind, reason: text };
      case 'note': return { kind, text };
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  const fieldError = (field: string) => start.error?.fields?.[field];
  const needsTime = kind === 'set-callback' || (kind === 'status' && status === 'FollowUp');
  const timeField = kind === 'status' ? 'followUpAt' : 'at';

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <label>
        Bulk action
        <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {KINDS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      {kind === 'status' && (
        <label>
          New status
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            {LEAD_STATUSES.map((value) => <option key={value} value={value}>{STATUS_LABELS[value]}</option>)}
          </select>
        </label>
      )}
      {needsTime && (
        <label>
          {kind === 'status' ? 'Follow-up date (UTC)' : 'Callback time (UTC)'}
          <input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} aria-invalid={Boolean(fieldError(timeField))} />
        </label>
      )}
      {kind === 'assign' && (
        <fieldset className={styles.agents}>
          <legend>Agents (several: the leads are dealt out in turn)</legend>
          {owners.map((owner) => (
            <label key={owner.id}>
              <input type="checkbox" checked={ownerIds.includes(owner.id)} onChange={(event) => setOwnerIds((ids) => (event.target.checked ? [...ids, owner.id] : ids.filter((id) => id !== owner.id)))} />
              {owner.name}
            </label>
          ))}
        </fieldset>
      )}
      {(kind === 'do-not-call' || kind === 'note') && (
        <label>
          {kind === 'note' ? 'Note' : 'Reason'}
          <input type="text" value={text} onChange={(event) => setText(event.target.value)} aria-invalid={Boolean(fieldError(kind === 'note' ? 'text' : 'reason'))} />
        </label>
      )}
      <button type="submit" className="button" disabled={start.isPending}>
        {start.isPending ? 'Starting…' : `Apply to ${leadCount(target.leads.length)}`}
      </button>
      {start.error && <p role="alert" className="error">{start.error.message}</p>}
    </form>
  );
}
