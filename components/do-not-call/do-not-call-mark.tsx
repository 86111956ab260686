import { dayOf } from '@/components/leads-table/format';
import styles from './do-not-call.module.css';

/** What an agent is told of a blocked number: why, and since when. */
export type DoNotCallNote = { readonly reason: string; readonly since: string };

/** Long reasons are cut short in lists; the lead page shows them whole. */
const COMPACT_REASON = 60;

/**
 * The mark beside a blocked number, wherever a number is shown (the lead page's phones, the lead
 * list's phone column): words, not only a colour, so they are read out with the number.
 */
export function DoNotCallMark({ note, compact = false }: { note: DoNotCallNote; compact?: boolean }) {
  const reason = compact && note.reason.length > COMPACT_REASON ? `${note.reason.slice(0, COMPACT_REASON - 1)}…` : note.reason;
  return (
    <span className={compact ? `${styles.mark} ${styles.compact}` : styles.mark}>
      <strong className={styles.flag}>Do not call</strong>
      <span className="visually-hidden">:</span> {reason} (since <time dateTime={note.since}>{dayOf(new Date(note.since))}</time>)
    </span>
  );
}
