'use client';
import { useState, type ChangeEvent } from 'react';
import { fileSizeError, MAX_FILE_BYTES, MAX_ROWS } from '@/lib/imports/limits';
import styles from './import.module.css';

type Props = {
  /** What a file holds, before its limits. */
  rows: string;
  onPick: (file: File) => void;
  /** What the server said is wrong with the file. */
  error: string | null;
  disabled?: boolean;
};

/** Picks the file; one too large is refused here, before anything is sent. */
export function FilePicker({ rows, onPick, error: serverError, disabled }: Props) {
  const [sizeError, setSizeError] = useState<string | null>(null);
  const error = sizeError ?? serverError;

  function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setSizeError(null);
    if (!file) return;
    const tooBig = fileSizeError(file.size);
    if (tooBig) return setSizeError(tooBig);
    onPick(file);
  }

  return (
    <div className={styles.picker}>
      <label htmlFor="import-file">CSV file</label>
      <input
        id="import-file"
        type="file"
        accept=".csv,text/csv"
        onChange={pick}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'import-file-hint import-file-error' : 'import-file-hint'}
      />
      <p id="import-file-hint" className={styles.hint}>
        {rows} Files up to {MAX_FILE_BYTES / 1024 / 1024} MB and {MAX_ROWS.toLocaleString('en-GB')} rows.
      </p>
      {error && <p id="import-file-error" role="alert" className="error">{error}</p>}
    </div>
  );
}
