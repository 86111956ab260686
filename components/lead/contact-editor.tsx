'use client';
import { useState } from 'react';
import type { DoNotCallNote } from '@/components/do-not-call/do-not-call-mark';
import type { Phone } from '@/lib/leads/lead';
import { usePhoneAsRead } from '@/components/phone-region';
import { CONTACT_FIELDS, type ContactKind } from './contact-fields';
import { ContactItem } from './contact-item';
import { DuplicateHint } from './duplicate-hint';
import { describedBy, FieldError } from './field-error';
import { useLeadCommand } from './lead-command';
import styles from './lead.module.css';

type Props = { leadId: string } & (
  | { kind: 'phone'; values: readonly Phone[]; /** Phones on the do-not-call list, by E.164. */ blocked?: Readonly<Record<string, DoNotCallNote>> }
  | { kind: 'email'; values: readonly string[] }
);

/** A lead's phones or emails: add one, remove one, or replace one (remove and add in one command). */
export function ContactEditor(props: Props) {
  const { kind, leadId } = props;
  const asRead = usePhoneAsRead();
  const items =
    props.kind === 'phone'
      ? props.values.map((phone) => ({ key: phone.e164, shown: asRead(phone.e164), doNotCall: props.blocked?.[phone.e164] }))
      : props.values.map((email) => ({ key: email, shown: email }));
  const fields = CONTACT_FIELDS[kind];
  return (
    <section className={styles.contact} aria-labelledby={`${kind}s-heading`}>
      <h3 id={`${kind}s-heading`} className={styles.label}>{fields.title}</h3>
      {items.length === 0 ? (
        <p className="muted">No {kind}s.</p>
      ) : (
        <ul className={styles.plainList}>
          {items.map((item) => (
            <ContactItem key={item.key} kind={kind} item={item} leadId={leadId} />
          ))}
        </ul>
      )}
      <AddContact kind={kind} leadId={leadId} />
    </section>
  );
}

function AddContact({ kind, leadId }: { kind: ContactKind; leadId: string }) {
  const [value, setValue] = useState('');
  const { save, pending, error } = useLeadCommand({ onSaved: () => setValue('') });
  const fields = CONTACT_FIELDS[kind];
  const id = `add-${kind}`;
  const message = error?.message;
  return (
    <form
      className={styles.inline}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save({ type: 'ChangeContactInfo', data: { [fields.add]: [value] } });
      }}
    >
      <label htmlFor={id}>Add {kind}</label>
      <input
        id={id}
        className={styles.input}
        type={fields.inputType}
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(message && `${id}-error`, `${id}-duplicate`)}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className={styles.secondary} disabled={pending || !value.trim()}>{pending ? 'Adding…' : `Add ${kind}`}</button>
      <FieldError id={`${id}-error`} message={message} />
      <DuplicateHint id={`${id}-duplicate`} kind={kind} value={value} excludeLeadId={leadId} />
    </form>
  );
}
