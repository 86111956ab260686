'use client';
import { useState } from 'react';
import type { Person } from '@/lib/read/lead-detail';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

/** Assign the lead to someone of the tenant who works leads, or to nobody. */
export function OwnerEditor({ ownerId, owners }: { ownerId: string | null; owners: readonly Person[] }) {
  const [chosen, setChosen] = useState(ownerId ?? '');
  const { save, pending, error, reset } = useLeadCommand();
  const message = error?.fields?.ownerId ?? error?.message;
  return (
    <form
      className={styles.field}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save({ type: 'AssignLead', data: { ownerId: chosen || null } });
      }}
    >
      <label className={styles.label} htmlFor="lead-owner">Owner</label>
      <select
        id="lead-owner"
        className={styles.input}
        value={chosen}
        {...invalidProps('lead-owner-error', message)}
        onChange={(event) => {
          setChosen(event.target.value);
          reset();
        }}
      >
        <option value="">Nobody</option>
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>{owner.name}</option>
        ))}
      </select>
      <button type="submit" className={styles.secondary} disabled={pending || chosen === (ownerId ?? '')}>{pending ? 'Assigning…' : 'Assign'}</button>
      <FieldError id="lead-owner-error" message={message} />
    </form>
  );
}
