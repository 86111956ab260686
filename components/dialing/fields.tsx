'use client';
import { createContext, useContext, type ReactNode } from 'react';
import { FieldError, invalidProps } from '@/components/lead/field-error';
import styles from './dialing.module.css';

// Each field of the settings forms is named as the rules name it (`hours.to`,
// `dispositions.2.code`): its id comes from that name, and a refusal of that name shows beneath it.

export const fieldId = (field: string) => `dialing-${field.replace(/[^a-zA-Z0-9]+/g, '-')}`;

const Errors = createContext<Readonly<Record<string, string>>>({});

export function FieldErrors({ errors, children }: { errors: Readonly<Record<string, string>>; children: ReactNode }) {
  return <Errors.Provider value={errors}>{children}</Errors.Provider>;
}

/** The props that tie an input to its name, its error and its error's message. */
export function useField(field: string) {
  const message = useContext(Errors)[field];
  const id = fieldId(field);
  return { id, message, errorId: `${id}-error`, props: { id, ...invalidProps(`${id}-error`, message) } };
}

export function FieldMessage({ field }: { field: string }) {
  const { errorId, message } = useField(field);
  return <FieldError id={errorId} message={message} />;
}

type InputProps = {
  readonly field: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'number' | 'time';
  readonly hint?: string;
  readonly list?: string;
  readonly readOnly?: boolean;
};

export function InputField({ field, label, value, onChange, type = 'text', hint, list, readOnly }: InputProps) {
  const { id, message, errorId } = useField(field);
  const hintId = hint ? `${id}-hint` : null;
  const describedBy = [hintId, message ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        list={list}
        readOnly={readOnly}
        inputMode={type === 'number' ? 'numeric' : undefined}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && <p id={hintId!} className={styles.hint}>{hint}</p>}
      <FieldError id={errorId} message={message} />
    </div>
  );
}

export function SelectField({ field, label, value, onChange, options }: { field: string; label: string; value: string; onChange: (value: string) => void; options: readonly (readonly [string, string])[] }) {
  const { props } = useField(field);
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{label}</label>
      <select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([option, text]) => <option key={option} value={option}>{text}</option>)}
      </select>
      <FieldMessage field={field} />
    </div>
  );
}

export function CheckField({ field, label, checked, onChange }: { field: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { props } = useField(field);
  return (
    <div className={styles.check}>
      <input {...props} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={props.id}>{label}</label>
      <FieldMessage field={field} />
    </div>
  );
}

/** A whole number typed in a form: the number, or null when blank (the server names the field). */
export const typedNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text));
