'use client';
import { useShowShortcuts } from './shortcuts-provider';
import styles from './shortcuts.module.css';

/** Where the shortcuts are, for whoever does not know the `?` key yet. */
export function ShortcutsButton() {
  const show = useShowShortcuts();
  return (
    <button type="button" className={styles.help} onClick={show} aria-keyshortcuts="Shift+?" aria-label="Keyboard shortcuts">?</button>
  );
}
