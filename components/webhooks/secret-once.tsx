'use client';
import { useState } from 'react';
import styles from '@/components/admin/admin.module.css';

/** A new signing secret: shown here once, never again. */
export function SecretOnce({ secret, intro }: { secret: string; intro: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.secret}>
      <p><strong>{intro}</strong> Copy the signing secret now: it is shown only once and cannot be read again. Your receiver verifies each message with it.</p>
      <label htmlFor="new-secret">Signing secret</label>
      <div className={styles.secretRow}>
        <input id="new-secret" readOnly value={secret} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button" onClick={async () => {
          await navigator.clipboard?.writeText(secret).catch(() => {});
          setCopied(true);
        }}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
    </div>
  );
}
