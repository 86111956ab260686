import type { ColumnDef } from '@tanstack/react-table';
import type { LeadListRow } from '@/lib/read/lead-table/leads-list';

/** The lead list's checkbox column: each row, and every row of the page at once. */
export function selectColumn(
  selected: ReadonlyMap<string, number>,
  onToggle: (rows: readonly LeadListRow[], on: boolean) => void,
  disabled: boolean,
): ColumnDef<LeadListRow, unknown> {
  return {
    id: 'select',
    enableSorting: false,
    header: ({ table }) => {
      const rows = table.getRowModel().rows.map((row) => row.original);
      const all = rows.length > 0 && rows.every((row) => selected.has(row.leadId));
      return <input type="checkbox" aria-label="Select every lead on this page" checked={all || disabled} disabled={disabled || rows.length === 0} onChange={(event) => onToggle(rows, event.target.checked)} />;
    },
    cell: ({ row }) => (
      <input type="checkbox" aria-label={`Select ${row.original.name}`} checked={disabled || selected.has(row.original.leadId)} disabled={disabled} onChange={(event) => onToggle([row.original], event.target.checked)} />
    ),
  };
}
