'use client';
import { useState } from 'react';
import { newId } from './client-values';
import { FieldError, invalidProps } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

export function NoteForm() {
  const [text, setText] = useState('');
  const { save, pending, error } = useLeadCommand({ onSaved: () => setText('') });
  const message = error?.fields?.text ?? error?.message;
  return (
    <form
      className={styles.stack}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save({ type: 'AddNote', data: { noteId: newId(), text } });
      }}
    >
      <label className={styles.label} htmlFor="lead-note">Note</label>
      <textarea
        id="lead-note"
        className={styles.input}
        rows={3}
        value={text}
        {...invalidProps('lead-note-error', message)}
        onChange={(event) => setText(event.target.value)}
      />
      <FieldError id="lead-note-error" message={message} />
      <div className={styles.actions}>
        <button type="submit" className={styles.secondary} disabled={pending}>{pending ? 'Adding…' : 'Add note'}</button>
      </div>
    </form>
  );
}
