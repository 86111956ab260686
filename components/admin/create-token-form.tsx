'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { addApiToken } from '@/app/(app)/admin/tokens/actions';
import styles from './admin.module.css';

type Created = { token: string; name: string; expiresAt: string };

/** How long a token lives (lib/auth/api-tokens.ts): a number of days, or until a date. */
const LIFETIMES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'date', label: 'Until a date…' },
] as const;

/** What a token may do, as the admin picks it; the first is what BI tools need. */
const SCOPES = [
  { scope: 'export', label: 'Export the audit log', hint: 'BI tools: GET /api/export' },
  { scope: 'commands', label: 'Issue lead commands', hint: 'Dialers and other systems: POST /api/commands' },
] as const;

export function CreateTokenForm() {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const [errors, setErrors] = useState<{ name?: string; scopes?: string; expires?: string; form?: string }>({});
  const [lifetime, setLifetime] = useState<string>('90');
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: (input: { name: string; scopes: string[]; expires: string }) => addApiToken(input),
    onSuccess: (result) => {
      if (!result.ok) {
        const { name, scopes, expires } = result.error.fields ?? {};
        setErrors(name || scopes || expires ? { name, scopes, expires } : { form: result.error.message });
        return;
      }
      setErrors({});
      setCreated({ token: result.data.token, name: result.data.name, expiresAt: result.data.expiresAt });
      form.current?.reset();
      setLifetime('90');
      router.refresh();
    },
    onError: () => setErrors({ form: 'Something went wrong; no token was created. Try again.' }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    setCopied(false);
    const fields = new FormData(event.currentTarget);
    const expires = lifetime === 'date' ? String(fields.get('expiresOn') ?? '') : lifetime;
    create.mutate({ name: String(fields.get('name') ?? ''), scopes: fields.getAll('scopes').map(String), expires });
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard?.writeText(created.token).catch(() => {});
    setCopied(true);
  }

  return (
    <>
      <form ref={form} onSubmit={submit} noValidate className={styles.form} aria-label="Create a token">
        <div className={styles.field}>
          <label htmlFor="token-name">Name</label>
          <input id="token-name" name="name" autoComplete="off" aria-invalid={errors.name ? true : undefined}
            aria-describedby={['token-name-hint', errors.name ? 'token-name-error' : null].filter(Boolean).join(' ')} />
          <p id="token-name-hint" className={styles.hint}>Say who uses it, for example &ldquo;Nightly warehouse load&rdquo;.</p>
          {errors.name && <p id="token-name-error" className={styles.fieldError}>{errors.name}</p>}
        </div>
        <fieldset className={styles.scopes} aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}>
          <legend>It may</legend>
          {SCOPES.map(({ scope, label, hint }) => (
            <label key={scope} className={styles.check}>
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'export'} />
              <span>{label} <span className={styles.hint}>({hint})</span></span>
            </label>
          ))}
          {errors.scopes && <p id="token-scopes-error" className={styles.fieldError}>{errors.scopes}</p>}
        </fieldset>
        <div className={styles.field}>
          <label htmlFor="token-lifetime">Expires after</label>
          <select id="token-lifetime" value={lifetime} onChange={(event) => setLifetime(event.target.value)}
            aria-invalid={errors.expires && lifetime !== 'date' ? true : undefined} aria-describedby={errors.expires && lifetime !== 'date' ? 'token-expires-error' : undefined}>
            {LIFETIMES.map(({ value, label }) => <option key={value} value={value}>{label}</option>)}
          </select>
          {lifetime === 'date' && (
            <>
              <label htmlFor="token-expires-on">Expiry date</label>
              <input id="token-expires-on" name="expiresOn" type="date" aria-invalid={errors.expires ? true : undefined}
                aria-describedby={['token-expires-hint', errors.expires ? 'token-expires-error' : null].filter(Boolean).join(' ')} />
              <p id="token-expires-hint" className={styles.hint}>It works until the end of that day (UTC), at most a year ahead.</p>
            </>
          )}
          {errors.expires && <p id="token-expires-error" className={styles.fieldError}>{errors.expires}</p>}
        </div>
        <div className={styles.submit}>
          <button type="submit" className="button" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create token'}</button>
          {errors.form && <p role="alert" className="error">{errors.form}</p>}
        </div>
      </form>
      <div role="status">
        {created && (
          <div className={styles.secret}>
            <p><strong>Token &ldquo;{created.name}&rdquo; created</strong>, valid until {new Date(created.expiresAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC. Copy it now: it is shown only once and cannot be read again.</p>
            <label htmlFor="new-token">New token</label>
            <div className={styles.secretRow}>
              <input id="new-token" readOnly value={created.token} onFocus={(event) => event.currentTarget.select()} />
              <button type="button" className="button" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
            </div>
          </div>
        )}
      </div>
    </>
  );
}
