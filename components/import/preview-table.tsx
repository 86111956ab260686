'use client';
import { useState } from 'react';
import { lineOf, type ImportRecord } from '@/lib/imports/mapping';
import styles from './import.module.css';

type Props = { records: readonly ImportRecord[]; problems: ReadonlyMap<number, readonly string[]> };

/** Every row of the file as it will be imported, with what is wrong with it, on its own line. */
export function PreviewTable({ records, problems }: Props) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = records.map((record, index) => ({ record, index })).filter(({ index }) => !onlyProblems || problems.has(index));
  return (
    <>
      <label className={styles.filter}>
        <input type="checkbox" checked={onlyProblems} onChange={(event) => setOnlyProblems(event.target.checked)} />
        Show only rows with problems
      </label>
      {/* Focusable, so keyboard users can scroll a long preview. */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="Rows of the file">
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Line</th><th scope="col">Name</th><th scope="col">Check</th><th scope="col">Phone(s)</th>
              <th scope="col">Email(s)</th><th scope="col">Source</th><th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ record: [name, phones, emails, source, owner], index }) => {
              const errors = problems.get(index);
              return (
                <tr key={index} className={errors ? styles.problemRow : undefined}>
                  <td>{lineOf(index)}</td>
                  <td>{name || <span className="muted">(empty)</span>}</td>
                  <td>
                    {errors ? (
                      <ul className={styles.problems}>{errors.map((error, at) => <li key={at}>{error}</li>)}</ul>
                    ) : (
                      <span className={styles.ready}>Ready</span>
                    )}
                  </td>
                  <td>{phones}</td>
                  <td>{emails}</td>
                  <td>{source}</td>
                  <td>{owner}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
