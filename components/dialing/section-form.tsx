'use client';
import { useId, type ReactNode } from 'react';
import type { DialingSection } from '@/lib/dialing/rules-events';
import type { ActionError } from '@/lib/gate/result';
import { SECTION_TITLES } from '@/lib/present/dialing-rules';
import { ConflictDialog } from './conflict-dialog';
import { FieldErrors } from './fields';
import { SectionHistory, type HistoryEntry } from './section-history';
import type { Section } from './use-section';
import styles from './dialing.module.css';

type Props<Form> = {
  readonly section: DialingSection;
  readonly state: Section<Form>;
  readonly description: ReactNode;
  /** The refused fields this form shows beside their inputs; any other refusal is shown under the form. */
  readonly shows: RegExp;
  readonly history: readonly HistoryEntry[];
  readonly names: Readonly<Record<string, string>>;
  readonly children: ReactNode;
};

/** One section of the rules: its form, what a save answered, and who changed it when. */
export function SectionForm<Form>({ section, state, description, shows, history, names, children }: Props<Form>) {
  const id = useId();
  const title = SECTION_TITLES[section];
  const fields = state.refusal?.fields ?? {};
  const shown = Object.fromEntries(Object.entries(fields).filter(([field]) => shows.test(field)));
  const unshown = formLevel(state.refusal, shows);
  return (
    <section aria-labelledby={`${id}-title`} className={styles.section}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="muted">{description}</div>
      <FieldErrors errors={shown}>
        <form
          className={styles.form}
          aria-labelledby={`${id}-title`}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            state.save();
          }}
        >
          {children}
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={state.pending}>{state.pending ? 'Saving…' : `Save ${title.toLowerCase()}`}</button>
            <div role="status">{state.saved && <p className={styles.saved}>{state.saved}</p>}</div>
          </div>
          {unshown && <p role="alert" className="error">{unshown}</p>}
        </form>
      </FieldErrors>
      <SectionHistory title={title} entries={history} names={names} />
      {state.conflict && (
        <ConflictDialog title={title} conflict={state.conflict} names={names} pending={state.pending} onApply={state.applyAnyway} onDiscard={state.discard} />
      )}
    </section>
  );
}

/** What a refusal says that no field of the form shows. */
function formLevel(refusal: ActionError | null, shows: RegExp): string | null {
  if (!refusal) return null;
  const fields = Object.entries(refusal.fields ?? {});
  if (fields.length === 0) return refusal.message;
  const rest = fields.filter(([field]) => !shows.test(field)).map(([, message]) => message);
  return rest.length ? rest.join('; ') : null;
}
