import type { DialingRules } from '@/lib/dialing/rules';
import type { HistoryEntry } from './section-history';

/** What every section's form is given by the page. */
export type SectionProps = {
  readonly rules: DialingRules;
  /** The rules' version the page was rendered with. */
  readonly version: number;
  /** This section's changes, newest first. */
  readonly history: readonly HistoryEntry[];
  /** Actor id to name. */
  readonly names: Readonly<Record<string, string>>;
};
