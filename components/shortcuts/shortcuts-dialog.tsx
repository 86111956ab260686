'use client';
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './keys';
import styles from './shortcuts.module.css';

/** Every shortcut in a modal dialog: focus goes into it, Escape or "Close" closes it, focus goes back. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    close.current?.focus();
    return () => {
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby="shortcuts-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="muted">Not while typing in a field.</p>
      <dl className={styles.list}>
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key} className={styles.row}>
            <dt><kbd>{shortcut.key}</kbd></dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <button ref={close} type="button" className="button" onClick={onClose}>Close</button>
    </dialog>
  );
}
