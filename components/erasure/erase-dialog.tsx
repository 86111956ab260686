'use client';
// Erasing a person's data, confirmed twice: first the reason, then typing ERASE. Nothing is sent
// before the second confirmation; Escape or Cancel leaves the lead as it was.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { eraseLeadData } from '@/app/(app)/leads/_erase/actions';
import styles from '@/components/lead/lead.module.css';

const CONFIRMATION = 'ERASE';

export function EraseButton({ leadId }: { leadId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.inline}>
      <button type="button" className={styles.secondary} onClick={() => setOpen(true)}>Erase personal data…</button>
      {open && <EraseDialog leadId={leadId} onClose={() => setOpen(false)} />}
    </div>
  );
}

function EraseDialog({ leadId, onClose }: { leadId: string; onClose(): void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [step, setStep] = useState<'reason' | 'confirm'>('reason');
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [commandId] = useState(() => crypto.randomUUID());
  const erase = useMutation({
    mutationFn: async () => {
      const result = await eraseLeadData({ leadId, reason, commandId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${id}-title`} onCancel={(event) => { event.preventDefault(); onClose(); }}>
      <h2 id={`${id}-title`}>Erase this person’s data</h2>
      <p>
        Their name, phones, emails, notes and call notes become “[erased]” everywhere, for good: on this page, in search, in exports
        made from now on and in what other systems are sent. The lead’s status, dates and calls stay. Files exported before and
        backups keep the data until they are deleted or expire.
      </p>
      {step === 'reason' ? (
        <form className={styles.stack} onSubmit={(event) => { event.preventDefault(); if (reason.trim()) setStep('confirm'); }}>
          <label htmlFor={`${id}-reason`}>Reason (kept in the lead’s history; do not name the person)</label>
          <textarea id={`${id}-reason`} value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={500} rows={2} />
          <div className={styles.inline}>
            <button type="submit" className="button">Continue</button>
            <button type="button" className={styles.secondary} onClick={onClose}>Cancel</button>
          </div>
        </form>
      ) : (
        <form className={styles.stack} onSubmit={(event) => { event.preventDefault(); if (typed === CONFIRMATION) erase.mutate(); }}>
          <label htmlFor={`${id}-confirm`}>Type {CONFIRMATION} to erase the data for good</label>
          <input id={`${id}-confirm`} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" autoFocus />
          <div className={styles.inline}>
            <button type="submit" className="button" disabled={typed !== CONFIRMATION || erase.isPending}>
              {erase.isPending ? 'Erasing…' : 'Erase for good'}
            </button>
            <button type="button" className={styles.secondary} onClick={onClose}>Cancel</button>
          </div>
          {erase.error && <p className="error" role="alert">{erase.error.message}</p>}
        </form>
      )}
    </dialog>
  );
}
