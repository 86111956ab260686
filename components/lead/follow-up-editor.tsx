'use client';
import { useState } from 'react';
import { formatWhen } from '@/lib/present/history-lines';
import type { LeadStatus } from '@/lib/leads/lead';
import { fromUtcInput, toUtcInput } from '@/lib/input/time';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

/** The callback time: set or move it (open leads), clear it (Available leads only). */
export function FollowUpEditor({ status, followUpAt }: { status: LeadStatus; followUpAt: string | null }) {
  const [at, setAt] = useState(toUtcInput(followUpAt));
  const setCallback = useLeadCommand();
  const clearCallback = useLeadCommand({ onSaved: () => setAt('') });
  const current = followUpAt ? `${formatWhen(followUpAt)} UTC` : 'none';

  if (status === 'Closed' || status === 'Converted') {
    return (
      <div className={styles.field}>
        <span className={styles.label}>Callback</span>
        <span className={styles.value}>{current} <span className="muted">(a {status.toLowerCase()} lead has no callbacks)</span></span>
      </div>
    );
  }
  const message = setCallback.error?.fields?.at ?? setCallback.error?.message;
  return (
    <form
      className={styles.stack}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        clearCallback.reset();
        setCallback.save({ type: 'SetFollowUp', data: { at: fromUtcInput(at) } });
      }}
    >
      <div className={styles.field}>
        <span className={styles.label}>Callback</span>
        <span className={styles.value}>{current}</span>
      </div>
      <div className={styles.field}>
        <label className={styles.label} htmlFor="lead-callback">Callback time (UTC)</label>
        <input
          id="lead-callback"
          className={styles.input}
          type="datetime-local"
          value={at}
          {...invalidProps('lead-callback-error', message)}
          onChange={(event) => setAt(event.target.value)}
        />
      </div>
      <FieldError id="lead-callback-error" message={message} />
      <FieldError id="lead-callback-clear-error" message={clearCallback.error?.message} />
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={setCallback.pending}>{followUpAt ? 'Move callback' : 'Set callback'}</button>
        {followUpAt && status === 'Available' && (
          <button
            type="button"
            className={styles.secondary}
            disabled={clearCallback.pending}
            onClick={() => {
              setCallback.reset();
              clearCallback.save({ type: 'ClearFollowUp', data: {} });
            }}
          >
            Clear callback
          </button>
        )}
      </div>
    </form>
  );
}
