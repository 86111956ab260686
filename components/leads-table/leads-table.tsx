'use client';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { useId, useMemo, type ReactNode } from 'react';
import type { DoNotCallNote } from '@/components/do-not-call/do-not-call-mark';
import type { LeadList } from '@/lib/read/lead-table/leads-list';
import { leadColumns } from './columns';
import { ColumnPicker } from './column-picker';
import { LeadFilters } from './lead-filters';
import { hasFilters, withChange, type SortKey } from '@/lib/read/lead-table/list-params';
import { Pagination } from './pagination';
import { useListNavigation } from './use-list-navigation';
import styles from './leads-table.module.css';

type Props = {
  list: LeadList;
  /** When the server read the list (ISO). */
  now: string;
  /** The rows' phones on the do-not-call list, by E.164. */
  blockedPhones: Readonly<Record<string, DoNotCallNote>>;
  /** A column before the others (the bulk change's checkboxes), and what goes above the table. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  leadingColumn?: ColumnDef<LeadList['rows'][number], any>;
  toolbar?: ReactNode;
};

/** One page of leads, sorted and filtered on the server; every control changes the URL. */
export function LeadsTable({ list, now, blockedPhones, leadingColumn, toolbar }: Props) {
  const { shown, pending, navigate } = useListNavigation(list.params);
  const columns = useMemo(
    () => [...(leadingColumn ? [leadingColumn] : []), ...leadColumns(new Date(now), blockedPhones, { kind: 'list', params: list.params })],
    [now, blockedPhones, list.params, leadingColumn],
  );
  const captionId = useId();
  const sorting: SortingState = [{ id: shown.sort, desc: shown.dir === 'desc' }];

  const table = useReactTable({
    data: list.rows,
    columns,
    getRowId: (row) => row.leadId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    pageCount: list.pageCount,
    state: { sorting, pagination: { pageIndex: shown.page - 1, pageSize: shown.size }, columnVisibility: Object.fromEntries(shown.hidden.map((id) => [id, false])) },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      if (next) navigate(withChange(shown, { sort: next.id as SortKey, dir: next.desc ? 'desc' : 'asc' }));
    },
  });

  const total = list.capped ? `${(list.total - 1).toLocaleString('en-GB')}+` : list.total.toLocaleString('en-GB');
  const first = (list.params.page - 1) * list.params.size + 1;
  const sortedBy = table.getColumn(shown.sort)?.columnDef.header;

  return (
    <div className={styles.list}>
      <LeadFilters params={shown} owners={list.owners} onChange={(change) => navigate(withChange(shown, change))} />
      <ColumnPicker hidden={shown.hidden} onChange={(hidden) => navigate({ ...shown, hidden })} />
      <p role="status" className={styles.summary}>
        {list.total === 0
          ? (hasFilters(list.params) ? 'No leads match these filters.' : 'There are no leads yet.')
          : `${total} ${list.total === 1 ? 'lead' : 'leads'}; showing ${first.toLocaleString('en-GB')}–${(first + list.rows.length - 1).toLocaleString('en-GB')}.`}
        {pending && ' Loading…'}
      </p>
      {toolbar}
      <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table} aria-busy={pending}>
          <caption id={captionId} className="visually-hidden">
            Leads, sorted by {String(sortedBy)} {shown.dir === 'asc' ? 'ascending' : 'descending'}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
                      {header.column.getCanSort() ? (
                        <button type="button" className={styles.sort} onClick={header.column.getToggleSortingHandler()}>
                          {label}
                          <span aria-hidden="true" className={styles.arrow}>{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                        </button>
                      ) : label}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={columns.length - shown.hidden.length} className={styles.empty}>
                  {hasFilters(shown) ? 'No leads match these filters.' : 'There are no leads yet.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination
        page={shown.page}
        pageCount={list.pageCount}
        size={shown.size}
        onPage={(page) => navigate({ ...shown, page }, { scroll: true })}
        onSize={(size) => navigate(withChange(shown, { size }))}
      />
    </div>
  );
}
