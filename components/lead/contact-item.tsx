'use client';
import { useState } from 'react';
import { DoNotCallMark, type DoNotCallNote } from '@/components/do-not-call/do-not-call-mark';
import { CONTACT_FIELDS, type ContactKind } from './contact-fields';
import { DuplicateHint } from './duplicate-hint';
import { describedBy, FieldError } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';
import { useReturnFocus } from './use-return-focus';

type Item = { key: string; shown: string; /** Set when the phone is on the do-not-call list. */ doNotCall?: DoNotCallNote };

/** One phone or email, with Replace and Remove. */
export function ContactItem({ kind, item, leadId }: { kind: ContactKind; item: Item; leadId: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const opener = useReturnFocus<HTMLButtonElement>(draft !== null);
  const { save, pending, error, reset } = useLeadCommand({ onSaved: () => setDraft(null) });
  const fields = CONTACT_FIELDS[kind];
  const id = `replace-${kind}-${item.key.replace(/\W/g, '')}`;
  const cancel = () => {
    setDraft(null);
    reset();
  };

  if (draft === null) {
    return (
      <li className={styles.contactItem}>
        <span className={styles.value}>
          {item.shown}
          {item.doNotCall && <> <DoNotCallMark note={item.doNotCall} /></>}
        </span>
        <button ref={opener} type="button" className={styles.secondary} aria-label={`Replace ${kind} ${item.shown}`} onClick={() => setDraft('')}>
          Replace
        </button>
        <button
          type="button"
          className={styles.secondary}
          aria-label={`Remove ${kind} ${item.shown}`}
          aria-describedby={describedBy(error && `${id}-error`)}
          disabled={pending}
          onClick={() => save({ type: 'ChangeContactInfo', data: { [fields.remove]: [item.key] } })}
        >
          Remove
        </button>
        <FieldError id={`${id}-error`} message={error?.message} />
      </li>
    );
  }
  return (
    <li>
      <form
        className={styles.inline}
        noValidate
        onKeyDown={(event) => event.key === 'Escape' && cancel()}
        onSubmit={(event) => {
          event.preventDefault();
          save({ type: 'ChangeContactInfo', data: { [fields.remove]: [item.key], [fields.add]: [draft] } });
        }}
      >
        <label htmlFor={id}>New {kind} instead of {item.shown}</label>
        <input
          id={id}
          className={styles.input}
          type={fields.inputType}
          value={draft}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-error`, `${id}-duplicate`)}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button" disabled={pending}>{pending ? 'Saving…' : `Save ${kind}`}</button>
        <button type="button" className={styles.secondary} onClick={cancel}>Cancel</button>
        <FieldError id={`${id}-error`} message={error?.message} />
        <DuplicateHint id={`${id}-duplicate`} kind={kind} value={draft} excludeLeadId={leadId} />
      </form>
    </li>
  );
}
