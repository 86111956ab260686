'use client';
import Link from 'next/link';
import { useId, useState } from 'react';
import { deleteView, renameView, shareView, unshareView } from '@/app/(app)/leads/_views/actions';
import { FieldError, invalidProps } from '@/components/lead/field-error';
import { useReturnFocus } from '@/components/lead/use-return-focus';
import type { ViewListItem } from '@/lib/read/saved-views/queries';
import styles from './saved-views.module.css';
import { useViewAction } from './use-view-action';

type Props = { view: ViewListItem; current: boolean; canShare: boolean };

/** One of the user's own views: open it, rename it in place, delete it, and (managers) share it. */
export function OwnViewItem({ view, current, canShare }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const opener = useReturnFocus<HTMLButtonElement>(draft !== null);
  const rename = useViewAction(renameView, () => setDraft(null));
  const remove = useViewAction(deleteView);
  const share = useViewAction(view.shared ? unshareView : shareView);
  const error = rename.error ?? remove.error ?? share.error;

  if (draft !== null) {
    const message = rename.error?.fields?.name ?? rename.error?.message;
    return (
      <li>
        <form className={styles.rename} noValidate onSubmit={(event) => { event.preventDefault(); rename.mutate({ viewId: view.viewId, name: draft }); }}
          onKeyDown={(event) => event.key === 'Escape' && setDraft(null)}>
          <label htmlFor={`${id}-name`}>New name for {view.name}</label>
          <input id={`${id}-name`} value={draft} autoFocus maxLength={80} {...invalidProps(`${id}-error`, message)} onChange={(event) => setDraft(event.target.value)} />
          <button type="submit" className="button" disabled={rename.isPending}>Save name</button>
          <button type="button" className={styles.secondary} onClick={() => setDraft(null)}>Cancel</button>
          <FieldError id={`${id}-error`} message={message} />
        </form>
      </li>
    );
  }
  return (
    <li className={styles.item}>
      <Link href={`/leads${view.query ? `?${view.query}` : ''}`} aria-current={current ? 'true' : undefined}>{view.name}</Link>{' '}
      {view.shared && <span className={styles.badge}>shared</span>}
      <button ref={opener} type="button" className={styles.secondary} aria-label={`Rename ${view.name}`} onClick={() => { rename.reset(); setDraft(view.name); }}>Rename</button>
      <button type="button" className={styles.secondary} aria-label={`Delete ${view.name}`} disabled={remove.isPending} onClick={() => remove.mutate({ viewId: view.viewId })}>Delete</button>
      {canShare && (
        <button type="button" className={styles.secondary} aria-label={`${view.shared ? 'Stop sharing' : 'Share'} ${view.name}`} disabled={share.isPending} onClick={() => share.mutate({ viewId: view.viewId })}>
          {view.shared ? 'Stop sharing' : 'Share'}
        </button>
      )}
      {error && <span role="alert" className="error">{error.message}</span>}
    </li>
  );
}
