import type { SectionChange } from '@/lib/dialing/rules-events';
import { formatWhen } from '@/lib/present/history-lines';
import { changeText } from '@/lib/present/dialing-rules';
import styles from './dialing.module.css';

export type HistoryEntry = SectionChange & { readonly version: number; readonly actor: string | null; readonly at: string };

/** Who changed this section, when, from what to what: newest first. */
export function SectionHistory({ title, entries, names }: { title: string; entries: readonly HistoryEntry[]; names: Readonly<Record<string, string>> }) {
  const nameOf = (id: string) => names[id] ?? id;
  return (
    <div className={styles.history}>
      <h3>History of the {title.toLowerCase()}</h3>
      {entries.length === 0 ? (
        <p className="muted">Not changed yet: the defaults apply.</p>
      ) : (
        <ol aria-label={`History of the ${title.toLowerCase()}`}>
          {entries.map((entry) => (
            <li key={entry.version}>
              <time dateTime={entry.at}>{formatWhen(entry.at)} UTC</time> {entry.actor ? nameOf(entry.actor) : 'Someone'}: {changeText(entry, nameOf)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
