'use client';
// One connection to /api/live per browser tab, shared by every component of the page: they listen
// for the changes they show. The browser reconnects by itself (sending Last-Event-ID); when the
// connection is closed for good (the server refused it, the tab went offline), this opens a new
// one that resumes after the last event it had, so no change is missed.
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { LiveChange, LivePresence } from '@/lib/live/messages';

type Listener = (change: LiveChange) => void;
type PresenceListener = (presence: LivePresence) => void;
type Live = { readonly userId: string; listen(listener: Listener): () => void; listenPresence(listener: PresenceListener): () => void };

const LiveContext = createContext<Live | null>(null);

/** How long after a refused or dropped connection a new one is opened (ms). */
const REOPEN_MS = 3000;

export function LiveProvider({ userId, enabled, children }: { userId: string; enabled: boolean; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const presenceListeners = useRef(new Set<PresenceListener>());
  const queryClient = useQueryClient();
  const router = useRouter();

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const badge = throttled(() => void queryClient.invalidateQueries({ queryKey: ['queue-count'] }));
    const close = () => {
      clearTimeout(reopen);
      source?.close();
      source = null;
    };
    const open = () => {
      close();
      const next = new EventSource(lastId ? `/api/live?after=${encodeURIComponent(lastId)}` : '/api/live');
      next.addEventListener('ready', (event) => (lastId = event.lastEventId || lastId));
      next.addEventListener('change', (event) => {
        lastId = event.lastEventId;
        const change = JSON.parse(event.data) as LiveChange;
        for (const listener of listeners.current) listener(change);
        badge();
      });
      next.addEventListener('presence', (event) => {
        const presence = JSON.parse(event.data) as LivePresence;
        for (const listener of presenceListeners.current) listener(presence);
      });
      // More was missed than a resume replays: read everything again.
      next.addEventListener('reset', () => {
        void queryClient.invalidateQueries();
        router.refresh();
      });
      next.addEventListener('error', () => {
        if (next.readyState === EventSource.CLOSED && navigator.onLine) reopen = setTimeout(open, REOPEN_MS);
      });
      source = next;
    };
    open();
    window.addEventListener('offline', close);
    window.addEventListener('online', open);
    return () => {
      window.removeEventListener('offline', close);
      window.removeEventListener('online', open);
      close();
    };
  }, [enabled, queryClient, router]);

  const value = useMemo<Live>(() => ({
    userId,
    listen(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
    listenPresence(listener) {
      presenceListeners.current.add(listener);
      return () => presenceListeners.current.delete(listener);
    },
  }), [userId]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Calls `onChange` for every change to a lead of the organisation while the component is shown. */
export function useLiveChanges(onChange: (change: LiveChange, userId: string) => void): void {
  const live = useContext(LiveContext);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => live?.listen((change) => latest.current(change, live.userId)), [live]);
}

/** Calls `onPresence` whenever who has a lead open changes, for any lead of the organisation. */
export function usePresenceChanges(onPresence: (presence: LivePresence, userId: string) => void): string | null {
  const live = useContext(LiveContext);
  const latest = useRef(onPresence);
  useEffect(() => {
    latest.current = onPresence;
  });
  useEffect(() => live?.listenPresence((presence) => latest.current(presence, live.userId)), [live]);
  return live?.userId ?? null;
}

/** At most one call per `ms`, the last one always made. */
export function throttled(run: () => void, ms = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, ms);
  };
}
