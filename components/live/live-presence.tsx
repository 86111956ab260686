'use client';
// On a lead's page: who else has it open ("Ben Okafor is also viewing") and who holds it in the
// dialing loop ("Claimed by Ben Okafor"). The page tells the server it is open every 15 s and
// when it closes; arrivals and departures come in live (components/live/live-provider.tsx).
import { useEffect, useState } from 'react';
import type { LivePresence } from '@/lib/live/messages';
import { usePresenceChanges } from './live-provider';
import styles from './live.module.css';

const HEARTBEAT_MS = 15_000;

export function LivePresenceNote({ leadId, claimedBy }: { leadId: string; claimedBy: string | null }) {
  const [viewers, setViewers] = useState<LivePresence['viewers']>([]);
  const userId = usePresenceChanges((presence) => {
    if (presence.leadId === leadId) setViewers(presence.viewers);
  });

  useEffect(() => {
    const body = JSON.stringify({ leadId });
    const beat = async () => {
      const response = await fetch('/api/live/presence', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } }).catch(() => null);
      if (response?.ok) setViewers(((await response.json()) as LivePresence).viewers);
    };
    const gone = () => void fetch('/api/live/presence', { method: 'DELETE', body, keepalive: true, headers: { 'Content-Type': 'application/json' } }).catch(() => {});
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    window.addEventListener('pagehide', gone); // the tab closes: no unmount comes
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', gone);
      gone();
    };
  }, [leadId]);

  const others = viewers.filter((viewer) => viewer.id !== userId).map((viewer) => viewer.name);
  const parts = [
    others.length > 0 ? `${listOf(others)} ${others.length === 1 ? 'is' : 'are'} also viewing` : null,
    claimedBy ? `Claimed by ${claimedBy}` : null,
  ].filter((part) => part !== null);
  return <p className={styles.presence} aria-live="polite">{parts.join('. ')}</p>;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Maria". */
export function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
