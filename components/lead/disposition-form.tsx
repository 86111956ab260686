'use client';
// Recording a call: the number dialled, the tenant's disposition, the time to call back when the
// disposition asks for one, and notes. The disposition's effects (retry, status, callback,
// do-not-call, wrong number) are decided by the server and show in the history.
import { useRef, useState } from 'react';
import { usePhoneAsRead } from '@/components/phone-region';
import { useShortcut } from '@/components/shortcuts/shortcuts-provider';
import type { LeadDialingView } from '@/lib/read/event-log/lead-dialing';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

type Props = { dispositions: LeadDialingView['dispositions']; phones: readonly { e164: string; raw: string }[] };

export function DispositionForm({ dispositions, phones }: Props) {
  const asRead = usePhoneAsRead();
  const [outcome, setOutcome] = useState('');
  const [phone, setPhone] = useState(phones[0]?.e164 ?? '');
  const [callbackAt, setCallbackAt] = useState('');
  const [notes, setNotes] = useState('');
  const { save, pending, error } = useLeadCommand({
    onSaved: () => {
      setOutcome('');
      setCallbackAt('');
      setNotes('');
    },
  });
  const outcomeField = useRef<HTMLSelectElement>(null);
  useShortcut('c', () => outcomeField.current?.focus());
  const needsTime = dispositions.find((disposition) => disposition.code === outcome)?.needsCallbackTime ?? false;
  const fields = error?.fields ?? {};
  const fieldMessage = (name: string) => fields[name];
  const general = error && !Object.keys(fields).some((name) => ['outcome', 'phone', 'callbackAt', 'notes'].includes(name)) ? error.message : null;
  return (
    <form
      className={styles.stack}
      noValidate
      aria-label="Record the call"
      onSubmit={(event) => {
        event.preventDefault();
        save({ type: 'RecordCallOutcome', data: { outcome, phone: phone || null, notes: notes || null, callbackAt: needsTime && callbackAt ? `${callbackAt}:00Z` : null } });
      }}
    >
      <label className={styles.label} htmlFor="lead-call-outcome">Call outcome</label>
      <select id="lead-call-outcome" ref={outcomeField} aria-keyshortcuts="c" className={styles.input} value={outcome} {...invalidProps('lead-call-outcome-error', fieldMessage('outcome'))} onChange={(event) => setOutcome(event.target.value)}>
        <option value="" disabled>Choose…</option>
        {dispositions.map((disposition) => <option key={disposition.code} value={disposition.code}>{disposition.label}</option>)}
      </select>
      <FieldError id="lead-call-outcome-error" message={fieldMessage('outcome') && (outcome ? fieldMessage('outcome') : 'Choose how the call went')} />
      {phones.length > 1 && (
        <>
          <label className={styles.label} htmlFor="lead-call-phone">Number dialled</label>
          <select id="lead-call-phone" className={styles.input} value={phone} {...invalidProps('lead-call-phone-error', fieldMessage('phone'))} onChange={(event) => setPhone(event.target.value)}>
            {phones.map((option) => <option key={option.e164} value={option.e164}>{asRead(option.e164)}</option>)}
          </select>
          <FieldError id="lead-call-phone-error" message={fieldMessage('phone')} />
        </>
      )}
      {needsTime && (
        <>
          <label className={styles.label} htmlFor="lead-call-callback">Call back at (UTC)</label>
          <input id="lead-call-callback" type="datetime-local" className={styles.input} value={callbackAt} {...invalidProps('lead-call-callback-error', fieldMessage('callbackAt'))} onChange={(event) => setCallbackAt(event.target.value)} />
          <FieldError id="lead-call-callback-error" message={fieldMessage('callbackAt')} />
        </>
      )}
      <label className={styles.label} htmlFor="lead-call-notes">Call notes</label>
      <textarea id="lead-call-notes" className={styles.input} rows={2} value={notes} {...invalidProps('lead-call-notes-error', fieldMessage('notes') ?? general)} onChange={(event) => setNotes(event.target.value)} />
      <FieldError id="lead-call-notes-error" message={fieldMessage('notes') ?? general} />
      <div className={styles.actions}>
        <button type="submit" className={styles.secondary} disabled={pending}>{pending ? 'Saving…' : 'Record call'}</button>
      </div>
    </form>
  );
}
