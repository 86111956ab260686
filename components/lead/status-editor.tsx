'use client';
import { useState } from 'react';
import { ALLOWED_TRANSITIONS } from '@/lib/leads/decide';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/leads/lead';
import { STATUS_LABELS } from '@/lib/present/labels';
import { fromUtcInput } from '@/lib/input/time';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

/** Status change; choosing Follow-up asks for the callback time, which it then requires. */
export function StatusEditor({ status }: { status: LeadStatus }) {
  const [chosen, setChosen] = useState<LeadStatus>(status);
  const [followUpAt, setFollowUpAt] = useState('');
  const { save, pending, error, reset } = useLeadCommand({ onSaved: () => setFollowUpAt('') });
  const allowed = ALLOWED_TRANSITIONS[status];
  const dateMessage = chosen === 'FollowUp' ? error?.fields?.followUpAt : undefined;
  const statusMessage = dateMessage ? undefined : error?.message;

  if (allowed.length === 0) {
    return (
      <div className={styles.field}>
        <span className={styles.label}>Status</span>
        <span className={styles.value}>{STATUS_LABELS[status]} <span className="muted">(final)</span></span>
      </div>
    );
  }
  return (
    <form
      className={styles.stack}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save({ type: 'ChangeStatus', data: { status: chosen, followUpAt: chosen === 'FollowUp' ? fromUtcInput(followUpAt) : null } });
      }}
    >
      <div className={styles.field}>
        <label className={styles.label} htmlFor="lead-status">Status</label>
        <select
          id="lead-status"
          className={styles.input}
          value={chosen}
          {...invalidProps('lead-status-error', statusMessage)}
          onChange={(event) => {
            setChosen(event.target.value as LeadStatus);
            reset();
          }}
        >
          {LEAD_STATUSES.filter((option) => option === status || allowed.includes(option)).map((option) => (
            <option key={option} value={option}>{STATUS_LABELS[option]}{option === status ? ' (current)' : ''}</option>
          ))}
        </select>
      </div>
      {chosen === 'FollowUp' && chosen !== status && (
        <div className={styles.field}>
          <label className={styles.label} htmlFor="lead-status-follow-up">Follow-up date (UTC)</label>
          <input
            id="lead-status-follow-up"
            className={styles.input}
            type="datetime-local"
            value={followUpAt}
            required
            {...invalidProps('lead-status-follow-up-error', dateMessage)}
            onChange={(event) => setFollowUpAt(event.target.value)}
          />
          <FieldError id="lead-status-follow-up-error" message={dateMessage} />
        </div>
      )}
      <FieldError id="lead-status-error" message={statusMessage} />
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending || chosen === status}>{pending ? 'Saving…' : 'Change status'}</button>
      </div>
    </form>
  );
}
