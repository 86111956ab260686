// What an admin reads about the async read models' lag, and why they are behind. Pure.
import type { OpenTransaction, ProjectionLag } from '@/lib/read/engine/lag';
import { preciseDuration } from './duration';

/** The read models people know them by. */
export const READ_MODEL_LABELS: Record<string, string> = {
  'lead-table': 'Lead list',
  'do-not-call': 'Do-not-call list',
  'saved-views': 'Saved views',
  'webhook-endpoints': 'Webhook endpoints',
  'search-terms': 'Search',
  'status-history': 'Status history and analytics',
  'agent-activity': 'Today\u2019s figures',
  'daily-figures': 'Analytics figures',
  'duplicate-keys': 'Possible duplicates',
};

const label = (name: string) => READ_MODEL_LABELS[name] ?? name;
// With the serial comma: one read model's name has an "and" of its own.
const LIST = new Intl.ListFormat('en-US', { type: 'conjunction' });

/**
 * The alert to show when a read model has been behind for longer than the threshold, with the cause
 * when one is visible: a long writing transaction holds back every gap-safe reader until it ends.
 */
export function lagAlert(lags: readonly ProjectionLag[], oldest: OpenTransaction | null, thresholdSeconds: number): string | null {
  const late = lags.filter((lag) => lag.secondsBehind > thresholdSeconds);
  if (late.length === 0) return null;
  const worst = Math.max(...late.map((lag) => lag.secondsBehind));
  const what = `${LIST.format(late.map((lag) => label(lag.name)))} ${late.length === 1 ? 'is' : 'are'} ${preciseDuration(worst)} behind`;
  if (oldest && oldest.ageSeconds >= worst - 1) {
    const who = oldest.application ? ` (${oldest.application}${oldest.state ? `, ${oldest.state}` : ''})` : '';
    return `${what}: a transaction open for ${preciseDuration(oldest.ageSeconds)}${who} holds back every read model until it ends.`;
  }
  return `${what}, and no open transaction holds them back: check that a projector is running (the app server runs one unless LEADSTREAM_PROJECTOR=off; or \`npm run projector\`).`;
}
