'use client';
import { FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping as Mapping } from '@/lib/imports/mapping';
import styles from './import.module.css';

type Props = { headers: readonly string[]; mapping: Mapping; onChange: (mapping: Mapping) => void; disabled?: boolean };

/** One select per lead field, pre-filled from the header names. */
export function ColumnMapping({ headers, mapping, onChange, disabled }: Props) {
  return (
    <fieldset className={styles.mapping} disabled={disabled}>
      <legend>Which column of the file holds each part of a lead</legend>
      {IMPORT_FIELDS.map((field) => (
        <div key={field}>
          <label htmlFor={`map-${field}`}>{FIELD_LABELS[field]}</label>
          <select
            id={`map-${field}`}
            value={mapping[field] ?? ''}
            onChange={(event) => onChange({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) })}
          >
            <option value="">(not in the file)</option>
            {headers.map((header, index) => (
              <option key={index} value={index}>{header}</option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
