'use client';
import { useState } from 'react';
import type { Person } from '@/lib/read/lead-detail';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

/**
 * Assign the lead to someone of the tenant who works leads, or to nobody. An owner who may no
 * longer own leads (deactivated, or in a role that does not work leads) still shows as the current
 * one, but cannot be chosen again.
 */
export function OwnerEditor({ ownerId, ownerName, owners }: { ownerId: string | null; ownerName: string | null; owners: readonly Person[] }) {
  const former = ownerId && !owners.some((owner) => owner.id === ownerId) ? ownerId : null;
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
        {former && <option value={former} disabled>{ownerName ?? former} (may no longer own leads)</option>}
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>{owner.name}</option>
        ))}
      </select>
      <button type="submit" className={styles.secondary} disabled={pending || chosen === (ownerId ?? '')}>{pending ? 'Assigning…' : 'Assign'}</button>
      <FieldError id="lead-owner-error" message={message} />
    </form>
  );
}
