'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { addUser } from '@/app/(app)/admin/users/actions';
import { ROLES } from '@/lib/auth/roles';
import { ROLE_LABELS } from './role-labels';
import styles from './admin.module.css';

type Fields = 'name' | 'email' | 'password' | 'role';

export function CreateUserForm() {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Fields | 'form', string>>>({});
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (values: Record<Fields, string>) => addUser(values),
    onSuccess: (result) => {
      if (!result.ok) {
        const fields = result.error.fields ?? {};
        const known = Object.keys(fields).every((field) => ['name', 'email', 'password', 'role'].includes(field));
        setErrors({ ...fields, ...(known && Object.keys(fields).length > 0 ? {} : { form: result.error.message }) });
        return;
      }
      setErrors({});
      setAdded(`${result.data.name} can now log in as ${result.data.email}.`);
      form.current?.reset();
      router.refresh();
    },
    onError: () => setErrors({ form: 'Something went wrong; nobody was added. Try again.' }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const data = new FormData(event.currentTarget);
    const value = (field: Fields) => String(data.get(field) ?? '');
    create.mutate({ name: value('name'), email: value('email'), password: value('password'), role: value('role') });
  }

  const field = (name: Fields, label: string, input: ReactNode, hint?: string) => (
    <div className={styles.field}>
      <label htmlFor={`user-${name}`}>{label}</label>
      {input}
      {hint && <p id={`user-${name}-hint`} className={styles.hint}>{hint}</p>}
      {errors[name] && <p id={`user-${name}-error`} className={styles.fieldError}>{errors[name]}</p>}
    </div>
  );
  const describedBy = (name: Fields, hint = false) =>
    [hint ? `user-${name}-hint` : null, errors[name] ? `user-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const inputProps = (name: Fields, hint = false) => ({
    id: `user-${name}`, name, 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': describedBy(name, hint),
  });

  // noValidate: the server's checks (the same for every client) speak, next to each field.
  return (
    <form ref={form} onSubmit={submit} noValidate className={styles.form} aria-label="Add a user">
      {field('name', 'Name', <input {...inputProps('name')} autoComplete="off" />)}
      {field('email', 'Email', <input {...inputProps('email')} type="email" autoComplete="off" />)}
      {field('password', 'Password', <input {...inputProps('password', true)} type="password" autoComplete="new-password" />, 'At least 10 characters.')}
      {field('role', 'Role', (
        <select {...inputProps('role')} defaultValue="agent">
          {ROLES.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
        </select>
      ))}
      <div className={styles.submit}>
        <button type="submit" className="button" disabled={create.isPending}>{create.isPending ? 'Adding…' : 'Add user'}</button>
        <div role="status">{added && <p className={styles.saved}>{added}</p>}</div>
        {errors.form && <p role="alert" className="error">{errors.form}</p>}
      </div>
    </form>
  );
}
