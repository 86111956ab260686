'use client';
import { HIDEABLE_COLUMNS, type HideableColumn } from '@/lib/read/lead-table/list-params';
import styles from './leads-table.module.css';

const LABELS: Record<HideableColumn, string> = { phones: 'Phones', emails: 'Emails', owner: 'Owner', followUp: 'Follow-up', updated: 'Updated' };

/** Which of the list's columns show; kept in the URL with the rest of the list, so a saved view keeps it. */
export function ColumnPicker({ hidden, onChange }: { hidden: readonly HideableColumn[]; onChange(hidden: HideableColumn[]): void }) {
  return (
    <fieldset className={styles.columns}>
      <legend>Columns</legend>
      {HIDEABLE_COLUMNS.map((column) => (
        <label key={column}>
          <input
            type="checkbox"
            checked={!hidden.includes(column)}
            onChange={(event) => onChange(HIDEABLE_COLUMNS.filter((other) => (other === column ? !event.target.checked : hidden.includes(other))))}
          />
          {LABELS[column]}
        </label>
      ))}
    </fieldset>
  );
}
