'use client';
import { useState } from 'react';
import { OUTCOME_LABELS } from '@/lib/present/labels';
import { CALL_OUTCOMES } from '@/lib/leads/lead';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

/** Record how a call went. */
export function CallForm() {
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const { save, pending, error } = useLeadCommand({
    onSaved: () => {
      setOutcome('');
      setNotes('');
    },
  });
  const outcomeMessage = error?.fields?.outcome;
  const message = outcomeMessage ? error?.fields?.notes : error?.message;
  return (
    <form
      className={styles.stack}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save({ type: 'RecordCallOutcome', data: { outcome, notes: notes || null } });
      }}
    >
      <label className={styles.label} htmlFor="lead-call-outcome">Call outcome</label>
      <select
        id="lead-call-outcome"
        className={styles.input}
        value={outcome}
        {...invalidProps('lead-call-outcome-error', outcomeMessage)}
        onChange={(event) => setOutcome(event.target.value)}
      >
        <option value="" disabled>Choose…</option>
        {CALL_OUTCOMES.map((option) => (
          <option key={option} value={option}>{OUTCOME_LABELS[option]}</option>
        ))}
      </select>
      <FieldError id="lead-call-outcome-error" message={outcomeMessage && 'Choose how the call went'} />
      <label className={styles.label} htmlFor="lead-call-notes">Call notes</label>
      <textarea
        id="lead-call-notes"
        className={styles.input}
        rows={2}
        value={notes}
        {...invalidProps('lead-call-notes-error', message)}
        onChange={(event) => setNotes(event.target.value)}
      />
      <FieldError id="lead-call-notes-error" message={message} />
      <div className={styles.actions}>
        <button type="submit" className={styles.secondary} disabled={pending}>{pending ? 'Saving…' : 'Record call'}</button>
      </div>
    </form>
  );
}
