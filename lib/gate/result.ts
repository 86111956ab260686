// What the gate answers when it refuses, or when what it let through fails: a small serialisable
// result for server actions, the same as JSON (with an HTTP status) for route handlers.
import type { InterveningChange } from '@/lib/errors';

export type ActionError = {
  kind: 'unauthenticated' | 'forbidden' | 'validation' | 'illegal-state' | 'not-found' | 'conflict' | 'concurrency' | 'rate-limited' | 'too-large' | 'busy' | 'unexpected';
  message: string;
  /** Field name to message, for errors shown next to a form field. */
  fields?: Record<string, string>;
  /** For HTTP APIs: the query parameter at fault. */
  parameter?: string;
  /** For conflicts: what others changed since the version the user saw. */
  changes?: readonly InterveningChange[];
  currentVersion?: number;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export const STATUS: Record<ActionError['kind'], number> = {
  unauthenticated: 401,
  forbidden: 403,
  validation: 400,
  'not-found': 404,
  conflict: 409,
  concurrency: 409,
  'illegal-state': 422,
  'rate-limited': 429,
  'too-large': 413,
  busy: 503,
  unexpected: 500,
};

/** An error as a route handler answers it: `{ error }` with the status its kind calls for. */
export function errorResponse(error: ActionError, headers?: Record<string, string>): Response {
  // A busy server asks clients to come back, rather than to give up.
  const retry: Record<string, string> = error.kind === 'busy' ? { 'Retry-After': '5' } : {};
  return Response.json({ error }, { status: STATUS[error.kind], headers: { ...retry, ...headers } });
}
