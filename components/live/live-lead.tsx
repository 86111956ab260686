'use client';
// On a lead's page: tells the agent when someone else changes the lead ("Ben changed the status
// from Available to Follow-up, just now", the history's own wording) and shows the new values. An
// edit the agent has open keeps its typing and its version (components/lead/lead-command.tsx).
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { LiveChange } from '@/lib/live/messages';
import { useLiveChanges } from './live-provider';
import { LivePresenceNote } from './live-presence';
import styles from './live.module.css';

/** `claimedBy`: who holds the lead in the dialing loop, when it is someone else. */
export function LiveLead({ leadId, claimedBy }: { leadId: string; claimedBy: string | null }) {
  const router = useRouter();
  // When the change arrived: the server's clock and the browser's need not agree.
  const [latest, setLatest] = useState<{ change: LiveChange; arrived: Date } | null>(null);
  const now = useNow(latest !== null);
  useLiveChanges((change, userId) => {
    if (change.leadId !== leadId || change.actorId === userId) return;
    setLatest({ change, arrived: new Date() });
    router.refresh();
  });
  return (
    <>
      <LivePresenceNote leadId={leadId} claimedBy={claimedBy} />
      <p role="status" aria-live="polite" className={styles.notice}>
        {latest && `${latest.change.text}, ${ago(latest.arrived, now)}`}
      </p>
    </>
  );
}

/** "just now" under a minute, then in minutes and hours. */
export function ago(at: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
}

/** The time, moving on every 30 s while `ticking`. */
function useNow(ticking: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!ticking) return;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
