'use client';
import { useEffect, useRef, useState } from 'react';
import { newId } from './client-values';
import type { ContactKind } from './contact-fields';
import { DuplicateHint } from './duplicate-hint';
import { describedBy, FieldError } from './field-error';
import styles from './lead.module.css';

export type Row = { readonly key: string; readonly value: string };
export const emptyRow = (): Row => ({ key: newId(), value: '' });

type Props = {
  kind: ContactKind;
  rows: readonly Row[];
  onChange(rows: Row[]): void;
  /** Messages by row key. */
  errors: Readonly<Record<string, string>>;
  /** A message about the list as a whole ("Give at least one phone or email"). */
  groupError?: string;
};

/** Several phones or emails: one input per row, rows added and removed, each checked for duplicates. */
export function ContactRows({ kind, rows, onChange, errors, groupError }: Props) {
  const title = kind === 'phone' ? 'Phones' : 'Emails';
  const label = kind === 'phone' ? 'Phone' : 'Email';
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusKey === 'add') addButton.current?.focus();
    else if (focusKey) document.getElementById(`${kind}-${focusKey}`)?.focus();
  }, [focusKey, kind]);

  const update = (key: string, value: string) => onChange(rows.map((row) => (row.key === key ? { ...row, value } : row)));
  const add = () => {
    const row = emptyRow();
    onChange([...rows, row]);
    setFocusKey(row.key);
  };
  const remove = (key: string) => {
    onChange(rows.filter((row) => row.key !== key));
    setFocusKey('add');
  };

  return (
    <fieldset className={styles.fieldset}>
      <legend>{title}</legend>
      <FieldError id={`${kind}s-error`} message={groupError} />
      {rows.map((row, index) => {
        const id = `${kind}-${row.key}`;
        const message = errors[row.key];
        return (
          <div key={row.key} className={styles.row}>
            <label htmlFor={id}>{label} {index + 1}</label>
            <input
              id={id}
              className={styles.input}
              type={kind === 'phone' ? 'tel' : 'email'}
              autoComplete="off"
              value={row.value}
              aria-invalid={message || (groupError && index === 0) ? true : undefined}
              aria-describedby={describedBy(message && `${id}-error`, groupError && index === 0 && `${kind}s-error`, `${id}-duplicate`)}
              onChange={(event) => update(row.key, event.target.value)}
            />
            {rows.length > 1 && (
              <button type="button" className={styles.secondary} aria-label={`Remove ${label.toLowerCase()} ${index + 1}`} onClick={() => remove(row.key)}>
                Remove
              </button>
            )}
            <FieldError id={`${id}-error`} message={message} />
            <DuplicateHint id={`${id}-duplicate`} kind={kind} value={row.value} />
          </div>
        );
      })}
      <button ref={addButton} type="button" className={styles.secondary} onClick={add}>
        Add another {label.toLowerCase()}
      </button>
    </fieldset>
  );
}
