import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { DoNotCallMark, type DoNotCallNote } from '@/components/do-not-call/do-not-call-mark';
import { ChangedMark } from '@/components/live/changed-mark';
import { usePhoneAsRead } from '@/components/phone-region';
import type { Phone } from '@/lib/leads/lead';
import { STATUS_LABELS } from '@/lib/present/labels';
import type { LeadListRow } from '@/lib/read/lead-table/leads-list';
import { absoluteTime, dayOf, relativeTime } from './format';
import { FIRST_DIRECTION, type SortKey } from '@/lib/read/lead-table/list-params';
import { leadHref, type ListOrigin } from '@/lib/read/lead-table/list-origin';
import styles from './leads-table.module.css';

const column = createColumnHelper<LeadListRow>();

// Sortable columns are named by their sort key in the URL; the server does the sorting.
const sortable = (id: SortKey) => ({ id, enableSorting: true, sortDescFirst: FIRST_DIRECTION[id] === 'desc' });

/**
 * The list's columns; `now` is when the server read the list, for "in 2 days" and "overdue";
 * `blocked`, the rows' phones on the do-not-call list, marked in the phone column; `origin`, the list
 * the lead links carry, so the lead page can step to the next and previous lead of it.
 */
export function leadColumns(now: Date, blocked: Readonly<Record<string, DoNotCallNote>> = {}, origin: ListOrigin | null = null) {
  return [
    column.accessor('name', {
      ...sortable('name'),
      header: 'Name',
      cell: ({ row }) => (
        // Prefetching a hundred lead pages for every list page would cost more than it saves.
        <>
          <Link href={leadHref(row.original.leadId, origin)} prefetch={false} className={styles.name}>{row.original.name}</Link>
          <ChangedMark leadId={row.original.leadId} />
        </>
      ),
    }),
    column.accessor('phones', { header: 'Phones', enableSorting: false, cell: ({ getValue }) => <Phones phones={getValue()} blocked={blocked} /> }),
    column.accessor('emails', { header: 'Emails', enableSorting: false, cell: ({ getValue }) => <Emails values={getValue()} /> }),
    column.accessor('status', {
      ...sortable('status'),
      header: 'Status',
      cell: ({ getValue }) => <span className={`${styles.status} ${styles[getValue()]}`}>{STATUS_LABELS[getValue()] ?? getValue()}</span>,
    }),
    column.accessor('ownerName', {
      ...sortable('owner'),
      header: 'Owner',
      cell: ({ getValue }) => getValue() ?? <span className="muted">Unassigned</span>,
    }),
    column.accessor('followUpAt', { ...sortable('followUp'), header: 'Follow-up', cell: ({ getValue }) => <FollowUp at={getValue()} now={now} /> }),
    column.accessor('updatedAt', {
      ...sortable('updated'),
      header: 'Updated',
      cell: ({ getValue }) => <time dateTime={getValue()} className={styles.nowrap}>{dayOf(new Date(getValue()))}</time>,
    }),
  ];
}

function Phones({ phones, blocked }: { phones: readonly Phone[]; blocked: Readonly<Record<string, DoNotCallNote>> }) {
  const asRead = usePhoneAsRead();
  if (phones.length === 0) return <span className="muted">None</span>;
  return phones.map((phone) => (
    <span key={phone.e164} className={styles.line}>
      {asRead(phone.e164)}
      {blocked[phone.e164] && <DoNotCallMark note={blocked[phone.e164]!} compact />}
    </span>
  ));
}

function Emails({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <span className="muted">None</span>;
  return values.map((email) => {
    const at = email.lastIndexOf('@');
    return <span key={email} className={`${styles.line} ${styles.email}`}>{email.slice(0, at)}<wbr />{email.slice(at)}</span>;
  });
}

function FollowUp({ at, now }: { at: string | null; now: Date }) {
  if (!at) return <span className="muted">None</span>;
  const when = new Date(at);
  const overdue = when < now;
  return (
    <span className={overdue ? styles.overdue : undefined}>
      <span className={styles.line}>{overdue && <strong>Overdue: </strong>}{relativeTime(when, now)}</span>
      <time dateTime={at} className={`${styles.line} ${styles.absolute}`}>{absoluteTime(when)}</time>
    </span>
  );
}
