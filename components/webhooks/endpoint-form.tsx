'use client';
// Registering an endpoint, or changing one: its URL, a description, and which changes it receives.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { changeEndpoint, registerEndpoint } from '@/app/(app)/admin/webhooks/actions';
import styles from '@/components/admin/admin.module.css';
import { STATUS_LABELS } from '@/lib/present/labels';
import { SecretOnce } from './secret-once';

export type EndpointValues = { url: string; description: string; types: readonly string[]; status: string | null };
type Errors = { url?: string; description?: string; types?: string; status?: string; form?: string };

/** `eventTypes`: what may be chosen; `endpointId`: the endpoint changed, or none to register one. */
export function EndpointForm({ eventTypes, endpointId, initial }: { eventTypes: readonly string[]; endpointId?: string; initial?: EndpointValues }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<{ endpointId: string; secret: string | null } | null>(null);
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => (endpointId ? changeEndpoint({ ...input, endpointId }) : registerEndpoint({ ...input, endpointId: crypto.randomUUID() })),
    onSuccess: (result) => {
      if (!result.ok) {
        const fields = Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([field, message]) => [field.split('.')[0], message]));
        setErrors(fields.url || fields.description || fields.types || fields.status ? fields : { form: result.error.message });
        return;
      }
      setErrors({});
      setDone(result.data);
      if (!endpointId) form.current?.reset();
      router.refresh();
    },
    onError: () => setErrors({ form: 'Something went wrong; nothing was saved. Try again.' }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const fields = new FormData(event.currentTarget);
    const status = String(fields.get('status') ?? '');
    save.mutate({ url: String(fields.get('url') ?? ''), description: String(fields.get('description') ?? ''), types: fields.getAll('types').map(String), status: status === '' ? null : status });
  }

  const id = (name: string) => `${endpointId ?? 'new'}-${name}`;
  const described = (name: keyof Errors, hint?: string) => [hint, errors[name] ? id(`${name}-error`) : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <form ref={form} onSubmit={submit} noValidate className={styles.form} aria-label={endpointId ? 'Change the endpoint' : 'Register an endpoint'}>
        <div className={styles.field}>
          <label htmlFor={id('url')}>URL</label>
          <input id={id('url')} name="url" type="url" autoComplete="off" defaultValue={initial?.url} aria-invalid={errors.url ? true : undefined} aria-describedby={described('url', id('url-hint'))} />
          <p id={id('url-hint')} className={styles.hint}>Where changes are posted: an http:// or https:// address.</p>
          {errors.url && <p id={id('url-error')} className={styles.fieldError}>{errors.url}</p>}
        </div>
        <div className={styles.field}>
          <label htmlFor={id('description')}>Description</label>
          <input id={id('description')} name="description" autoComplete="off" defaultValue={initial?.description} aria-invalid={errors.description ? true : undefined} aria-describedby={described('description')} />
          {errors.description && <p id={id('description-error')} className={styles.fieldError}>{errors.description}</p>}
        </div>
        <fieldset className={styles.scopes} aria-describedby={described('types')}>
          <legend>Send these changes</legend>
          {eventTypes.map((type) => (
            <label key={type} className={styles.check}>
              <input type="checkbox" name="types" value={type} defaultChecked={initial?.types.includes(type)} />
              <span>{type}</span>
            </label>
          ))}
          {errors.types && <p id={id('types-error')} className={styles.fieldError}>{errors.types}</p>}
        </fieldset>
        <div className={styles.field}>
          <label htmlFor={id('status')}>StatusChanged only to</label>
          <select id={id('status')} name="status" defaultValue={initial?.status ?? ''} aria-invalid={errors.status ? true : undefined} aria-describedby={described('status', id('status-hint'))}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([status, label]) => <option key={status} value={status}>{label}</option>)}
          </select>
          <p id={id('status-hint')} className={styles.hint}>For example only leads that become Converted.</p>
          {errors.status && <p id={id('status-error')} className={styles.fieldError}>{errors.status}</p>}
        </div>
        <div className={styles.submit}>
          <button type="submit" className="button" disabled={save.isPending}>{save.isPending ? 'Saving…' : endpointId ? 'Save changes' : 'Register endpoint'}</button>
          {errors.form && <p role="alert" className="error">{errors.form}</p>}
        </div>
      </form>
      <div role="status">
        {done?.secret && (
          <>
            <SecretOnce secret={done.secret} intro="Endpoint registered." />
            <p><Link href={`/admin/webhooks/${done.endpointId}`}>Open the endpoint and its delivery log</Link></p>
          </>
        )}
        {done && !done.secret && <p className={styles.saved}>Saved.</p>}
      </div>
    </>
  );
}
