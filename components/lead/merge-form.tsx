'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { mergeLeadPair } from '@/app/(app)/leads/actions';
import { usePhoneAsRead } from '@/components/phone-region';
import type { ActionError } from '@/lib/gate/result';
import { formatWhen } from '@/lib/present/history-lines';
import { STATUS_LABELS } from '@/lib/present/labels';
import type { LeadNow } from '@/lib/read/lead-detail';
import { newId } from './client-values';
import { MergeConflictDialog } from './merge-conflict-dialog';
import styles from './lead.module.css';

type Props = { survivor: LeadNow; absorbed: LeadNow; names: Readonly<Record<string, string>> };

class MergeRefused extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

/**
 * Which value wins for each field (one of the two leads'), and which phones and emails the
 * surviving lead keeps (all, unless unticked). Sent with the versions of both leads shown here.
 */
export function MergeForm({ survivor, absorbed, names }: Props) {
  const router = useRouter();
  const asRead = usePhoneAsRead();
  const both = [survivor, absorbed] as const;
  const [name, setName] = useState(survivor.name);
  const [owner, setOwner] = useState(survivor.ownerId ?? '');
  const [schedule, setSchedule] = useState(scheduleKey(survivor));
  const phones = unique(both.flatMap((lead) => lead.phones.map((phone) => ({ key: phone.e164, label: asRead(phone.e164) }))));
  const emails = unique(both.flatMap((lead) => lead.emails.map((email) => ({ key: email, label: email }))));
  const [kept, setKept] = useState(() => new Set([...phones, ...emails].map((item) => item.key)));
  const [conflict, setConflict] = useState<ActionError | null>(null);
  const scheduleOf = both.find((lead) => scheduleKey(lead) === schedule)!;

  const merge = useMutation({
    mutationFn: async () => {
      const result = await mergeLeadPair({
        survivorId: survivor.leadId, leadId: absorbed.leadId, survivorVersion: survivor.version, leadVersion: absorbed.version, commandId: newId(),
        choices: {
          name, phones: phones.map((phone) => phone.key).filter((key) => kept.has(key)), emails: emails.map((email) => email.key).filter((key) => kept.has(key)),
          ownerId: owner || null, status: scheduleOf.status, followUpAt: scheduleOf.followUpAt,
        },
      });
      if (!result.ok) throw new MergeRefused(result.error);
      return result.data;
    },
    onSuccess: () => router.push(`/leads/${survivor.leadId}`),
    onError: (error) => {
      if (error instanceof MergeRefused && error.error.kind === 'conflict') setConflict(error.error);
    },
  });
  const refused = merge.error instanceof MergeRefused ? merge.error.error : merge.error ? unexpected : null;
  const toggle = (key: string) => setKept((current) => {
    const next = new Set(current);
    if (!next.delete(key)) next.add(key);
    return next;
  });
  const ownerLabel = (lead: LeadNow) => (lead.ownerId ? (names[lead.ownerId] ?? lead.ownerId) : 'Nobody');
  const scheduleLabel = (lead: LeadNow) => `${STATUS_LABELS[lead.status]}${lead.followUpAt ? `, callback ${formatWhen(lead.followUpAt)} UTC` : ''}`;

  return (
    <form
      className={styles.newLead}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        merge.mutate();
      }}
    >
      <Choice legend="Name" name="merge-name" options={unique(both.map((lead) => ({ key: lead.name, label: lead.name })))} value={name} onChange={setName} />
      <Choice legend="Owner" name="merge-owner" options={unique(both.map((lead) => ({ key: lead.ownerId ?? '', label: ownerLabel(lead) })))} value={owner} onChange={setOwner} />
      <Choice legend="Status and callback" name="merge-schedule" options={unique(both.map((lead) => ({ key: scheduleKey(lead), label: scheduleLabel(lead) })))} value={schedule} onChange={setSchedule} />
      <Ticks legend="Phones to keep" items={phones} kept={kept} toggle={toggle} />
      <Ticks legend="Emails to keep" items={emails} kept={kept} toggle={toggle} />
      {refused && refused.kind !== 'conflict' && (
        <div className={styles.alert} role="alert">
          <p>{refused.message}</p>
          {Object.entries(refused.fields ?? {}).map(([field, message]) => <p key={field}>{message}</p>)}
        </div>
      )}
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={merge.isPending}>{merge.isPending ? 'Merging…' : 'Merge leads'}</button>
      </div>
      {conflict && (
        <MergeConflictDialog
          error={conflict}
          names={names}
          onReload={() => {
            setConflict(null);
            router.refresh();
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </form>
  );
}

const unexpected: ActionError = { kind: 'unexpected', message: 'Could not reach Leadstream: nothing was merged. Try again.' };
/** Status and callback go together: a lead's own pair is always one the rules allow. */
const scheduleKey = (lead: LeadNow) => `${lead.status}|${lead.followUpAt ?? ''}`;

type Item = { key: string; label: string };
const unique = (items: readonly Item[]) => items.filter((item, index) => items.findIndex((other) => other.key === item.key) === index);

function Choice({ legend, name, options, value, onChange }: { legend: string; name: string; options: readonly Item[]; value: string; onChange(value: string): void }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.key} className={styles.inline}>
          <input type="radio" name={name} value={option.key} checked={value === option.key} onChange={() => onChange(option.key)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

function Ticks({ legend, items, kept, toggle }: { legend: string; items: readonly Item[]; kept: ReadonlySet<string>; toggle(key: string): void }) {
  if (items.length === 0) return null;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      {items.map((item) => (
        <label key={item.key} className={styles.inline}>
          <input type="checkbox" checked={kept.has(item.key)} onChange={() => toggle(item.key)} />
          {item.label}
        </label>
      ))}
    </fieldset>
  );
}
