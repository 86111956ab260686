'use client';
// The one owner of the keyboard shortcuts: a single key listener for the whole app. Components say
// what a key does on the page they are on with `useShortcut`; the latest to mount wins, so the lead
// page's `j` is that page's. `?` opens the list of shortcuts.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { shortcutOf, type ShortcutKey } from './keys';
import { ShortcutsDialog } from './shortcuts-dialog';

type Handler = () => void;
type Registry = { add(key: ShortcutKey, handler: { current: Handler }): () => void; showHelp(): void };

const ShortcutsContext = createContext<Registry | null>(null);

export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<ShortcutKey, { current: Handler }[]>());
  const [helpOpen, setHelpOpen] = useState(false);
  const [registry] = useState<Registry>(() => ({
    add(key, handler) {
      handlers.current.set(key, [...(handlers.current.get(key) ?? []), handler]);
      return () => handlers.current.set(key, (handlers.current.get(key) ?? []).filter((entry) => entry !== handler));
    },
    showHelp: () => setHelpOpen(true),
  }));

  useEffect(() => {
    if (helpOpen) return;
    const onKey = (event: KeyboardEvent) => {
      const { key: pressed, ctrlKey, altKey, metaKey } = event;
      const key = event.defaultPrevented ? null : shortcutOf({ key: pressed, ctrlKey, altKey, metaKey, target: event.target as HTMLElement | null });
      if (!key) return;
      const handler = key === '?' ? { current: () => setHelpOpen(true) } : handlers.current.get(key)?.at(-1);
      if (!handler) return;
      event.preventDefault();
      handler.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [helpOpen]);

  return (
    <ShortcutsContext.Provider value={registry}>
      {children}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
    </ShortcutsContext.Provider>
  );
}

/** What `key` does while the calling component is on the page. */
export function useShortcut(key: ShortcutKey, handler: Handler) {
  const registry = useContext(ShortcutsContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => registry?.add(key, latest), [registry, key]);
}

/** Opens the list of shortcuts, for a button that shows where they are. */
export function useShowShortcuts() {
  return useContext(ShortcutsContext)?.showHelp ?? (() => {});
}
