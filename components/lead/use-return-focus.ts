'use client';
import { useEffect, useRef } from 'react';

/** When an inline editor closes, focus goes back to the button that opened it. */
export function useReturnFocus<T extends HTMLElement>(editing: boolean) {
  const opener = useRef<T>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) opener.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return opener;
}
