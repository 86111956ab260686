import Link from 'next/link';
import { absoluteTime } from '@/components/leads-table/format';
import styles from './do-not-call.module.css';
import { UnblockControl } from './unblock-control';

export type DncTableRow = {
  readonly phone: string;
  /** The number as people read it. */
  readonly shown: string;
  readonly reason: string;
  readonly source: string;
  readonly by: string;
  readonly since: string;
};

/** `/do-not-call/<digits>`: a number's history (its E.164 without the "+"). */
export const historyHref = (phone: string) => `/do-not-call/${phone.replace(/^\+/, '')}`;

/** The blocked numbers: each with why, from where, who blocked it and since when, its history and its removal. */
export function DoNotCallTable({ rows }: { rows: readonly DncTableRow[] }) {
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">Blocked numbers, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Number</th><th scope="col">Reason</th><th scope="col">Source</th>
          <th scope="col">Blocked by</th><th scope="col">Since</th><th scope="col"><span className="visually-hidden">Remove</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.phone}>
            <td className={styles.number}><Link href={historyHref(row.phone)} prefetch={false}>{row.shown}</Link></td>
            <td>{row.reason}</td>
            <td>{row.source}</td>
            <td>{row.by}</td>
            <td><time dateTime={row.since}>{absoluteTime(new Date(row.since))}</time></td>
            <td><UnblockControl phone={row.phone} shown={row.shown} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
