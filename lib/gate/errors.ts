// Whatever a handler behind the gate throws, as what the user is told. Domain errors carry codes;
// the words come from lib/present/error-text.ts. Anything else is logged and reported without its
// details: nothing of it was saved.
import { isDatabaseUnavailable, isUnstorableText } from '@/lib/db/sql';
import { EventShapeError } from '@/lib/event-store/registry';
import { NUL_MESSAGE } from '@/lib/input/nul';
import { ConcurrencyError, ConflictError, IllegalStateError, NotFoundError, ValidationError } from '@/lib/errors';
import { describeError, issueText } from '@/lib/present/error-text';
import type { ActionError } from './result';

/** What a caller is told while the database restarts or is out of connections. */
export const DATABASE_UNAVAILABLE = 'The database is not answering right now (it may be restarting); nothing was saved. Try again in a few seconds.';

export function toActionError(error: unknown): ActionError {
  if (error instanceof ValidationError) {
    return { kind: 'validation', message: describeError(error), fields: Object.fromEntries(error.issues.map((issue) => [issue.field, issueText(issue)])) };
  }
  if (error instanceof IllegalStateError) {
    const message = describeError(error);
    return { kind: 'illegal-state', message, fields: error.field ? { [error.field]: message } : undefined };
  }
  if (error instanceof NotFoundError) return { kind: 'not-found', message: describeError(error) };
  if (error instanceof ConflictError) {
    return { kind: 'conflict', message: 'Someone else changed this lead meanwhile.', changes: error.changes, currentVersion: error.currentVersion };
  }
  if (error instanceof ConcurrencyError) return { kind: 'concurrency', message: 'This lead changed meanwhile: reload and try again.' };
  if (isDatabaseUnavailable(error)) return { kind: 'busy', message: DATABASE_UNAVAILABLE };
  if (isUnstorableText(error)) return { kind: 'validation', message: `Text ${NUL_MESSAGE}; nothing was saved.` };
  if (!(error instanceof EventShapeError)) console.error('Unexpected error behind the gate:', error);
  else console.error('An event did not match its schema:', error.message);
  return { kind: 'unexpected', message: 'Something went wrong; nothing was saved. Try again.' };
}
