'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { findContactHolders } from '@/app/(app)/leads/actions';
import styles from './lead.module.css';

type Props = { id: string; kind: 'phone' | 'email'; value: string; excludeLeadId?: string };

const looksComplete = (kind: Props['kind'], value: string) => (kind === 'phone' ? value.replace(/\D/g, '').length >= 7 : /.+@.+\..+/.test(value));

/** "Already on <lead>": a warning while typing a phone or email another lead of the tenant holds. */
export function DuplicateHint({ id, kind, value, excludeLeadId }: Props) {
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTyped(value.trim()), 350);
    return () => clearTimeout(timer);
  }, [value]);

  const { data } = useQuery({
    queryKey: ['contact-holders', kind, typed, excludeLeadId],
    enabled: looksComplete(kind, typed),
    staleTime: 30_000,
    queryFn: async () => {
      const result = await findContactHolders({ kind, value: typed, excludeLeadId });
      return result.ok ? result.data : [];
    },
  });
  const holders = looksComplete(kind, value.trim()) ? (data ?? []) : [];

  // Always on the page, so screen readers announce the warning when it appears.
  return (
    <p id={id} className={holders.length ? styles.warning : styles.hintEmpty} role="status">
      {holders.length > 0 && (
        <>
          Already on{' '}
          {holders.map((holder, index) => (
            <span key={holder.leadId}>
              {index > 0 && ', '}
              <Link href={`/leads/${holder.leadId}`} target="_blank" rel="noopener">
                {holder.name}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </Link>
            </span>
          ))}
        </>
      )}
    </p>
  );
}
