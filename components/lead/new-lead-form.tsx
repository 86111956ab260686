'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { registerLead } from '@/app/(app)/leads/actions';
import type { ActionError } from '@/lib/gate/result';
import type { Person } from '@/lib/read/lead-detail';
import { newId } from './client-values';
import { ContactRows, emptyRow, type Row } from './contact-rows';
import { FieldError, invalidProps } from './field-error';
import styles from './lead.module.css';
import { placeErrors } from './place-errors';

const SOURCES = ['phone call', 'web form', 'referral', 'trade show', 'cold list', 'partner', 'ad campaign'];

/**
 * A new lead. Its id and the command id are made once per form, so submitting twice (a double
 * click, a retry after a lost answer) registers one lead.
 */
export function NewLeadForm({ owners, currentUserId }: { owners: readonly Person[]; currentUserId: string }) {
  const router = useRouter();
  const [ids] = useState(() => ({ leadId: newId(), commandId: newId() }));
  const [name, setName] = useState('');
  const [phones, setPhones] = useState<Row[]>(() => [emptyRow()]);
  const [emails, setEmails] = useState<Row[]>(() => [emptyRow()]);
  const [source, setSource] = useState(SOURCES[0]!);
  const [ownerId, setOwnerId] = useState(owners.some((owner) => owner.id === currentUserId) ? currentUserId : '');
  const form = useRef<HTMLFormElement>(null);

  const register = useMutation({
    // Blank rows are not sent, so the server's "phones.1" is the second phone sent, not the second row.
    mutationFn: async (sent: { phones: Row[]; emails: Row[] }) => {
      const result = await registerLead({
        type: 'RegisterLead',
        commandId: ids.commandId,
        data: { leadId: ids.leadId, name, phones: sent.phones.map((row) => row.value), emails: sent.emails.map((row) => row.value), source, ownerId: ownerId || null },
      });
      if (!result.ok) throw result.error;
      return result.data;
    },
    onSuccess: () => router.push(`/leads/${ids.leadId}`),
  });
  const refusal = useMemo(() => asRefusal(register.error), [register.error]);
  const placed = placeErrors(refusal, register.variables?.phones ?? [], register.variables?.emails ?? []);

  useEffect(() => {
    if (refusal) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusal]);

  return (
    <form
      ref={form}
      className={styles.newLead}
      noValidate
      aria-label="New lead"
      onSubmit={(event) => {
        event.preventDefault();
        if (register.isPending || register.isSuccess) return;
        const filled = (rows: Row[]) => rows.filter((row) => row.value.trim());
        register.mutate({ phones: filled(phones), emails: filled(emails) });
      }}
    >
      {refusal && (
        <div role="alert" className={styles.alert}>
          <p>The lead was not saved{placed.unplaced.length ? ':' : '. Check the fields marked below.'}</p>
          {placed.unplaced.map((message) => <p key={message}>{message}</p>)}
        </div>
      )}
      <div className={styles.row}>
        <label htmlFor="new-lead-name">Name</label>
        <input
          id="new-lead-name"
          className={styles.input}
          value={name}
          required
          autoComplete="off"
          {...invalidProps('new-lead-name-error', placed.fields.name)}
          onChange={(event) => setName(event.target.value)}
        />
        <FieldError id="new-lead-name-error" message={placed.fields.name} />
      </div>
      <ContactRows kind="phone" rows={phones} onChange={setPhones} errors={placed.phones} groupError={placed.fields.phones} />
      <ContactRows kind="email" rows={emails} onChange={setEmails} errors={placed.emails} groupError={placed.fields.emails} />
      <div className={styles.row}>
        <label htmlFor="new-lead-source">Source</label>
        <input
          id="new-lead-source"
          className={styles.input}
          list="new-lead-sources"
          value={source}
          {...invalidProps('new-lead-source-error', placed.fields.source)}
          onChange={(event) => setSource(event.target.value)}
        />
        <datalist id="new-lead-sources">
          {SOURCES.map((option) => <option key={option} value={option} />)}
        </datalist>
        <FieldError id="new-lead-source-error" message={placed.fields.source} />
      </div>
      <div className={styles.row}>
        <label htmlFor="new-lead-owner">Owner</label>
        <select
          id="new-lead-owner"
          className={styles.input}
          value={ownerId}
          {...invalidProps('new-lead-owner-error', placed.fields.ownerId)}
          onChange={(event) => setOwnerId(event.target.value)}
        >
          <option value="">Nobody</option>
          {owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
        </select>
        <FieldError id="new-lead-owner-error" message={placed.fields.ownerId} />
      </div>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={register.isPending || register.isSuccess}>
          {register.isPending ? 'Saving…' : register.isSuccess ? 'Opening the lead…' : 'Create lead'}
        </button>
      </div>
    </form>
  );
}

function asRefusal(error: unknown): ActionError | null {
  if (!error) return null;
  if (typeof error === 'object' && 'kind' in error) return error as ActionError;
  return { kind: 'unexpected', message: 'Could not reach Leadstream: nothing was saved. Try again.' };
}
