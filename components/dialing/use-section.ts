'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { DialingRulesChangeOutcome } from '@/lib/commands/dialing-rules-service';
import type { DialingSection } from '@/lib/dialing/rules-events';
import type { ActionError, ActionResult } from '@/lib/gate/result';
import { SECTION_TITLES } from '@/lib/present/dialing-rules';

export type SendSection = (input: unknown) => Promise<ActionResult<DialingRulesChangeOutcome>>;

type Options<Form> = {
  readonly section: DialingSection;
  /** The section's current value as the form edits it, from the rendered page. */
  readonly current: Form;
  /** The rules' version the page was rendered with. */
  readonly version: number;
  readonly send: SendSection;
  /** The form as the action takes the section's value. */
  readonly toInput: (form: Form) => unknown;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One section's form: the manager's draft, and the version of the section they last saw (sent with
 * a save, so the same section changed meanwhile is shown as a conflict, while another section's
 * change merges). A refreshed page brings the section's current value; it replaces the draft only
 * while the manager has not edited it.
 */
export function useSection<Form>({ section, current, version, send, toInput }: Options<Form>) {
  const router = useRouter();
  const [draft, setDraft] = useState(current);
  const [seen, setSeen] = useState({ form: current, version });
  const [refusal, setRefusal] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState('');
  if (!same(current, seen.form) && same(draft, seen.form)) {
    setSeen({ form: current, version });
    setDraft(current);
  }

  const mutation = useMutation({
    mutationFn: ({ form, expectedVersion }: { form: Form; expectedVersion: number }) => send({ expectedVersion, [section]: toInput(form) }),
    onSuccess: (result, { form }) => {
      if (result.ok) {
        setSeen({ form, version: result.data.version });
        setRefusal(null);
        setConflict(null);
        setSaved(`${SECTION_TITLES[section]} saved.`);
        router.refresh();
      } else if (result.error.kind === 'conflict') {
        setConflict(result.error);
      } else {
        setRefusal(result.error.kind === 'concurrency' ? { ...result.error, message: 'The rules changed meanwhile: reload the page and try again.' } : result.error);
      }
    },
    onError: () => setRefusal({ kind: 'unexpected', message: 'Could not reach Leadstream: nothing was saved. Try again.' }),
  });

  return {
    draft,
    edit(next: Form) {
      setDraft(next);
      setSaved('');
    },
    save: () => mutation.mutate({ form: draft, expectedVersion: seen.version }),
    pending: mutation.isPending,
    refusal,
    saved,
    conflict,
    /** Save on top of the changes the conflict showed. */
    applyAnyway: () => mutation.mutate({ form: draft, expectedVersion: conflict?.currentVersion ?? seen.version }),
    /** Drop the draft; the refreshed page brings the section as it is now. */
    discard() {
      setDraft(seen.form);
      setConflict(null);
      setRefusal(null);
      router.refresh();
    },
  };
}

export type Section<Form> = ReturnType<typeof useSection<Form>>;
