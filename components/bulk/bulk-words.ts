// How a bulk change reads: its action, its result, each lead's outcome. Pure, for the server's
// history and the browser's progress alike.
import type { BulkAction } from '@/lib/bulk/bulk-action';
import type { BulkOutcome } from '@/lib/bulk/bulk-stream';
import { statusLabel } from '@/lib/present/labels';

export const leadCount = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'lead' : 'leads'}`;

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

/** What the change does, completing "changed N leads …" ; `names` turns agent ids into names. */
export function actionWords(action: BulkAction, names: (id: string) => string = (id) => id): string {
  switch (action.kind) {
    case 'assign':
      return action.ownerIds.length === 1 ? `to ${names(action.ownerIds[0]!)}` : `to ${action.ownerIds.map(names).join(', ')} in turn`;
    case 'status':
      return `to ${statusLabel(action.status)}${action.followUpAt ? `, follow-up ${when(action.followUpAt)}` : ''}`;
    case 'set-callback':
      return `with a callback at ${when(action.at)}`;
    case 'clear-callback':
      return 'clearing their callbacks';
    case 'do-not-call':
      return `to do not call (${action.reason})`;
    case 'note':
      return `with the note “${action.text.length > 60 ? `${action.text.slice(0, 60)}…` : action.text}”`;
    case 'undo':
      return 'back, undoing a bulk change';
  }
}

/** "Maria changed 3,412 leads to Closed; 12 refused." */
export function resultWords(by: string, action: BulkAction, counts: Readonly<Record<BulkOutcome, number>>): string {
  const rest = ([['refused', 'refused'], ['conflicted', 'changed by someone else meanwhile'], ['skipped', 'skipped, changed since']] as const)
    .filter(([outcome]) => counts[outcome] > 0)
    .map(([outcome, words]) => `${counts[outcome].toLocaleString('en-GB')} ${words}`);
  const verb = action.kind === 'undo' ? 'took' : 'changed';
  return `${by} ${verb} ${leadCount(counts.done)} ${actionWords(action)}${rest.length > 0 ? `; ${rest.join('; ')}` : ''}.`;
}

export const OUTCOME_WORDS: Record<BulkOutcome, string> = {
  done: 'Done',
  refused: 'Refused',
  conflicted: 'Conflicted',
  skipped: 'Skipped',
};
