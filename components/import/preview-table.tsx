'use client';
import { useState } from 'react';
import { lineOf } from '@/lib/imports/mapping';
import type { PreviewRow } from '@/lib/imports/prepare-import';
import styles from './import.module.css';

type Props = {
  /** The words for each cell of a row: the first is shown before the check, the others after it. */
  labels: readonly string[];
  /** The file's first rows, and its first rows with problems. */
  sample: readonly PreviewRow[];
  problems: readonly PreviewRow[];
  rows: number;
  problemRows: number;
};

const count = (value: number) => value.toLocaleString('en-GB');

/** The first rows of the file as they will be imported, or the first with problems, each problem on its row. */
export function PreviewTable({ labels, sample, problems, rows, problemRows }: Props) {
  const [first, ...rest] = labels;
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = onlyProblems ? problems : sample;
  const total = onlyProblems ? problemRows : rows;
  return (
    <>
      <label className={styles.filter}>
        <input type="checkbox" checked={onlyProblems} onChange={(event) => setOnlyProblems(event.target.checked)} />
        Show only rows with problems
      </label>
      {shown.length < total && (
        <p className={styles.hint}>
          The first {count(shown.length)} of {count(total)} {onlyProblems ? 'rows with problems' : 'rows'}; the counts above are for the whole file.
        </p>
      )}
      {/* Focusable, so keyboard users can scroll a long preview. */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="Rows of the file">
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Line</th><th scope="col">{first}</th><th scope="col">Check</th>
              {rest.map((label) => <th key={label} scope="col">{label}</th>)}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ record: [head, ...others], index, errors, notes }) => (
              <tr key={index} className={errors.length > 0 ? styles.problemRow : undefined}>
                <td>{lineOf(index)}</td>
                <td>{head || <span className="muted">(empty)</span>}</td>
                <td>
                  {errors.length > 0 ? (
                    <ul className={styles.problems}>{errors.map((error, at) => <li key={at}>{error}</li>)}</ul>
                  ) : (
                    <span className={styles.ready}>Ready</span>
                  )}
                  {notes.length > 0 && <ul className={styles.notes}>{notes.map((note, at) => <li key={at}>{note}</li>)}</ul>}
                </td>
                {rest.map((label, at) => <td key={label}>{others[at]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
