'use client';
import { useId, useState } from 'react';
import { saveView } from '@/app/(app)/leads/_views/actions';
import { FieldError, invalidProps } from '@/components/lead/field-error';
import styles from './saved-views.module.css';
import { useViewAction } from './use-view-action';

/** "Save this list as": the list's filters, sort and columns under a name of the user's own. */
export function SaveViewForm({ query }: { query: string }) {
  const id = useId();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState('');
  const save = useViewAction(saveView, () => {
    setSaved(`Saved “${name.trim()}”.`);
    setName('');
  });
  const nameError = save.error?.fields?.name;
  const general = save.error && !nameError ? save.error.message : null;

  return (
    <form
      className={styles.save}
      noValidate
      aria-label="Save this list as a view"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved('');
        save.mutate({ viewId: crypto.randomUUID(), name, query });
      }}
    >
      <label htmlFor={`${id}-name`}>View name</label>
      <input id={`${id}-name`} value={name} maxLength={80} autoComplete="off" {...invalidProps(`${id}-error`, nameError)} onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="button" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save view'}</button>
      <FieldError id={`${id}-error`} message={nameError} />
      {general && <p role="alert" className="error">{general}</p>}
      <p role="status" className={styles.done}>{saved}</p>
    </form>
  );
}
