'use client';
import { useId } from 'react';
import { LEAD_STATUSES } from '@/lib/leads/lead';
import { STATUS_LABELS } from '@/lib/present/labels';
import type { LeadOwner } from '@/lib/read/lead-table/leads-list';
import { DUE_FILTERS, hasFilters, type DueFilter, type LeadListParams } from '@/lib/read/lead-table/list-params';
import styles from './leads-table.module.css';

const DUE_LABELS: Record<DueFilter, string> = { overdue: 'Overdue', today: 'Due today (UTC)', week: 'Due in the next 7 days', none: 'No follow-up' };

type Props = {
  params: LeadListParams;
  owners: readonly LeadOwner[];
  onChange: (change: Partial<LeadListParams>) => void;
};

/** The list's filters; each change applies at once (and lands in the URL). */
export function LeadFilters({ params, owners, onChange }: Props) {
  const id = useId();
  const toggleStatus = (status: (typeof LEAD_STATUSES)[number], on: boolean) =>
    onChange({ statuses: LEAD_STATUSES.filter((each) => (each === status ? on : params.statuses.includes(each))) });

  return (
    <form className={styles.filters} aria-label="Filter leads" onSubmit={(event) => event.preventDefault()}>
      <fieldset className={styles.statuses}>
        <legend>Status</legend>
        {LEAD_STATUSES.map((status) => (
          <label key={status} className={styles.check}>
            <input
              type="checkbox"
              checked={params.statuses.includes(status)}
              onChange={(event) => toggleStatus(status, event.target.checked)}
            />
            {STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      <div className={styles.field}>
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select id={`${id}-owner`} value={params.owner ?? ''} onChange={(event) => onChange({ owner: event.target.value || null })}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          <optgroup label="Agents">
            {owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
          </optgroup>
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-due`}>Follow-up due</label>
        <select id={`${id}-due`} value={params.due ?? ''} onChange={(event) => onChange({ due: (event.target.value || null) as DueFilter | null })}>
          <option value="">Any</option>
          {DUE_FILTERS.map((due) => <option key={due} value={due}>{DUE_LABELS[due]}</option>)}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-from`}>Updated from</label>
        <input
          id={`${id}-from`}
          type="date"
          value={params.updatedFrom ?? ''}
          max={params.updatedTo ?? undefined}
          onChange={(event) => onChange({ updatedFrom: event.target.value || null })}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-to`}>Updated to</label>
        <input
          id={`${id}-to`}
          type="date"
          value={params.updatedTo ?? ''}
          min={params.updatedFrom ?? undefined}
          onChange={(event) => onChange({ updatedTo: event.target.value || null })}
        />
      </div>
      {hasFilters(params) && (
        <button
          type="button"
          className={styles.clear}
          onClick={() => onChange({ statuses: [], owner: null, due: null, updatedFrom: null, updatedTo: null })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
