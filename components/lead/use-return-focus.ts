'use client';
import { useEffect, useRef } from 'react';

/**
 * When an inline editor closes, focus goes back to the button that opened it, unless something
 * else has already taken it (the conflict dialog, closing, puts it on the lead's name).
 */
export function useReturnFocus<T extends HTMLElement>(editing: boolean) {
  const opener = useRef<T>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (wasEditing.current && !editing && lost) opener.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return opener;
}
