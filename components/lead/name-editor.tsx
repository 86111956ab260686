'use client';
import { useState } from 'react';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';
import { useReturnFocus } from './use-return-focus';

/** The lead's name, edited in place. */
export function NameEditor({ name }: { name: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const opener = useReturnFocus<HTMLButtonElement>(draft !== null);
  const { save, pending, error, reset } = useLeadCommand({ onSaved: () => setDraft(null), onDiscarded: () => setDraft(null) });
  const cancel = () => {
    setDraft(null);
    reset();
  };

  if (draft === null) {
    return (
      <div className={styles.field}>
        <span className={styles.label}>Name</span>
        <span className={styles.value}>{name}</span>
        <button ref={opener} type="button" className={styles.secondary} onClick={() => setDraft(name)}>Edit name</button>
      </div>
    );
  }
  const message = error?.fields?.name ?? error?.message;
  return (
    <form
      className={styles.field}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save({ type: 'ChangeName', data: { name: draft } });
      }}
      onKeyDown={(event) => event.key === 'Escape' && cancel()}
    >
      <label className={styles.label} htmlFor="lead-name">Name</label>
      <input
        id="lead-name"
        className={styles.input}
        value={draft}
        autoFocus
        {...invalidProps('lead-name-error', message)}
        onChange={(event) => setDraft(event.target.value)}
      />
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending}>{pending ? 'Saving…' : 'Save name'}</button>
        <button type="button" className={styles.secondary} onClick={cancel}>Cancel</button>
      </div>
      <FieldError id="lead-name-error" message={message} />
    </form>
  );
}
