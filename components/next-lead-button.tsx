'use client';
// "Next lead" on every agent page, and the key `n` anywhere but in a field: draws the best lead the
// agent may call now and opens it; says so when there is none.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { drawNextLead } from '@/app/(app)/leads/actions';
import { useShortcut } from './shortcuts/shortcuts-provider';

export function NextLeadButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState('');

  const draw = () =>
    startTransition(async () => {
      setMessage('');
      const result = await drawNextLead({});
      if (!result.ok) return setMessage(result.error.message);
      if (result.data.kind === 'none') return setMessage('Nothing to call right now');
      router.push(`/leads/${result.data.leadId}`);
    });

  useShortcut('n', draw);

  return (
    <span className="next-lead">
      <button type="button" className="next-lead-button" onClick={draw} disabled={pending} aria-keyshortcuts="n">
        {pending ? 'Drawing…' : 'Next lead'}
      </button>
      <span role="status" className="next-lead-message">{message}</span>
    </span>
  );
}
