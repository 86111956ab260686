'use client';
import type { ColumnMapping as Mapping } from '@/lib/imports/mapping';
import type { ImportForm } from './import-kinds';
import styles from './import.module.css';

type Props = { form: ImportForm; headers: readonly string[]; mapping: Mapping<string>; onChange: (mapping: Mapping<string>) => void; disabled?: boolean };

/** One select per field of the kind's rows, pre-filled from the header names. */
export function ColumnMapping({ form, headers, mapping, onChange, disabled }: Props) {
  return (
    <fieldset className={styles.mapping} disabled={disabled}>
      <legend>{form.legend}</legend>
      {form.shape.fields.map((field) => (
        <div key={field}>
          <label htmlFor={`map-${field}`}>{form.shape.labels[field]}</label>
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
