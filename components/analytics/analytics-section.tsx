import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SectionTable } from '@/lib/present/analytics-tables';
import styles from './analytics.module.css';

type Props = {
  id: string;
  title: string;
  /** What the figures count, in a sentence or two. */
  explain: ReactNode;
  table: SectionTable;
  chart?: ReactNode;
  downloadHref: string;
  /** Links for the first column's cells (lead pages), row by row. */
  rowLinks?: readonly string[];
  wide?: boolean;
  empty: string;
};

const numeric = (cell: string) => /^-?\d+(\.\d+)?$/.test(cell);

/** One section of the analytics page: a chart, the same numbers as a table, and a CSV of that table. */
export function AnalyticsSection({ id, title, explain, table, chart, downloadHref, rowLinks, wide, empty }: Props) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className={`${styles.section} ${wide ? styles.wide : ''}`}>
      <h2 id={headingId}>{title}</h2>
      <p className={styles.explain}>{explain}</p>
      {table.rows.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <>
          {chart}
          <div className={styles.tableWrap} role="region" aria-label={`${title}: table`} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>{table.columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={`${r}-${row[0]}`}>
                    {row.map((cell, c) => (
                      <td key={table.columns[c]} className={numeric(cell) ? styles.number : undefined}>
                        {c === 0 && rowLinks?.[r] ? <Link href={rowLinks[r]}>{cell}</Link> : cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <a className={styles.download} href={downloadHref} download>
        Download CSV<span className="visually-hidden"> of {title.toLowerCase()}</span>
      </a>
    </section>
  );
}
