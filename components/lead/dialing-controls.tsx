'use client';
// The dialing loop's smaller acts on the lead page, each with a reason where people will ask why
// later: giving back a drawn lead (skip), the person's wish not to be called (and lifting it, for
// managers), the lead's time zone, and recycling a lead whose attempts are used up (managers).
import { useState } from 'react';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';
import type { Edit } from './lead-command';

type ReasonFormProps = { id: string; label: string; button: string; command: Edit['type']; hint?: string };

/** A one-field form: a reason, then a command that takes it. */
export function ReasonForm({ id, label, button, command, hint }: ReasonFormProps) {
  const [reason, setReason] = useState('');
  const { save, pending, error } = useLeadCommand({ onSaved: () => setReason('') });
  const message = error?.fields?.reason ?? error?.message;
  return (
    <form className={styles.inline} noValidate onSubmit={(event) => { event.preventDefault(); save({ type: command, data: { reason } }); }}>
      <label className={styles.label} htmlFor={id}>{label}</label>
      <input id={id} className={styles.input} value={reason} placeholder={hint} {...invalidProps(`${id}-error`, message)} onChange={(event) => setReason(event.target.value)} />
      <button type="submit" className={styles.secondary} disabled={pending}>{button}</button>
      <FieldError id={`${id}-error`} message={message} />
    </form>
  );
}

/** The lead's time zone: one an agent knows better than the phones, or back to what they tell. */
export function TimeZoneForm({ current }: { current: string | null }) {
  const [zone, setZone] = useState(current ?? '');
  const { save, pending, error } = useLeadCommand();
  const message = error?.fields?.timeZone ?? error?.message;
  return (
    <form className={styles.inline} noValidate onSubmit={(event) => { event.preventDefault(); save({ type: 'SetTimeZone', data: { timeZone: zone.trim() || null } }); }}>
      <label className={styles.label} htmlFor="lead-time-zone">Time zone</label>
      <input id="lead-time-zone" className={styles.input} value={zone} placeholder="e.g. America/Chicago" list="lead-time-zones" {...invalidProps('lead-time-zone-error', message)} onChange={(event) => setZone(event.target.value)} />
      <datalist id="lead-time-zones">{ZONES.map((name) => <option key={name} value={name} />)}</datalist>
      <button type="submit" className={styles.secondary} disabled={pending || (!zone.trim() && current === null)}>{zone.trim() ? 'Set time zone' : 'Use the phones\u2019 zone'}</button>
      <FieldError id="lead-time-zone-error" message={message} />
    </form>
  );
}

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
