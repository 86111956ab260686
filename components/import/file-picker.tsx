'use client';
import { useState, type ChangeEvent } from 'react';
import { fileSizeError, MAX_FILE_BYTES, MAX_ROWS, parseCsv, type CsvTable } from '@/lib/imports/csv';
import styles from './import.module.css';

export type LoadedFile = { name: string; table: CsvTable };

/** Reads the picked file in the browser: nothing is sent until its rows have been checked. */
export function FilePicker({ onLoad, disabled }: { onLoad: (file: LoadedFile) => void; disabled?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setError(null);
    if (!file) return;
    const tooBig = fileSizeError(file.size);
    if (tooBig) return setError(tooBig);
    setReading(true);
    try {
      const parsed = parseCsv(await file.text());
      if (!parsed.ok) return setError(parsed.error);
      onLoad({ name: file.name, table: parsed.table });
    } catch {
      setError('The file could not be read.');
    } finally {
      setReading(false);
    }
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
        A header row, then one lead per row: up to {MAX_FILE_BYTES / 1024 / 1024} MB and {MAX_ROWS.toLocaleString('en-GB')} rows.
        Several phones or emails in one cell are separated by &ldquo;;&rdquo;.
      </p>
      {reading && <p role="status" className={styles.hint}>Reading the file…</p>}
      {error && <p id="import-file-error" role="alert" className="error">{error}</p>}
    </div>
  );
}
