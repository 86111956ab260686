'use client';
import { useId } from 'react';
import { PAGE_SIZES, type PageSize } from '@/lib/read/lead-table/list-params';
import styles from './leads-table.module.css';

type Props = {
  page: number;
  pageCount: number;
  size: PageSize;
  onPage: (page: number) => void;
  onSize: (size: PageSize) => void;
};

export function Pagination({ page, pageCount, size, onPage, onSize }: Props) {
  const id = useId();
  return (
    <nav className={styles.pagination} aria-label="Pages">
      <button type="button" className={styles.pageButton} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span>Page {page.toLocaleString('en-GB')} of {pageCount.toLocaleString('en-GB')}</span>
      <button type="button" className={styles.pageButton} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Next page
      </button>
      <span className={styles.field}>
        <label htmlFor={`${id}-size`}>Leads per page</label>
        <select id={`${id}-size`} value={size} onChange={(event) => onSize(Number(event.target.value) as PageSize)}>
          {PAGE_SIZES.map((choice) => <option key={choice} value={choice}>{choice}</option>)}
        </select>
      </span>
    </nav>
  );
}
