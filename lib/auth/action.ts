import 'server-only';
import { ConcurrencyError, ConflictError, IllegalStateError, NotFoundError, ValidationError, type InterveningChange } from '@/lib/errors';
import { can, type Capability, type CurrentUser } from './roles';
import { currentUser } from './session';

// The one wrapper every server action and route handler goes through: it checks the session, the
// role and (by handing the user's tenant to the handler) the tenant, and turns every refusal into a
// small serialisable result. An unexpected error is logged and reported without its details.

export type ActionError = {
  kind: 'unauthenticated' | 'forbidden' | 'validation' | 'illegal-state' | 'not-found' | 'conflict' | 'concurrency' | 'unexpected';
  message: string;
  /** Field name to message, for errors shown next to a form field. */
  fields?: Record<string, string>;
  /** For conflicts: what others changed since the version the user saw. */
  changes?: readonly InterveningChange[];
  currentVersion?: number;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function authorized<Output>(capability: Capability, handler: (user: CurrentUser, input: unknown) => Promise<Output>) {
  return async (input: unknown): Promise<ActionResult<Output>> => {
    const user = await currentUser();
    if (!user) return { ok: false, error: { kind: 'unauthenticated', message: 'Your session has ended: log in again.' } };
    if (!can(user.role, capability)) return { ok: false, error: { kind: 'forbidden', message: 'Your role does not allow this.' } };
    try {
      return { ok: true, data: await handler(user, input) };
    } catch (error) {
      return { ok: false, error: toActionError(error) };
    }
  };
}

export function toActionError(error: unknown): ActionError {
  if (error instanceof ValidationError) {
    return {
      kind: 'validation',
      message: error.issues.map((issue) => issue.message).join('; '),
      fields: Object.fromEntries(error.issues.map((issue) => [issue.field, issue.message])),
    };
  }
  if (error instanceof IllegalStateError) {
    return { kind: 'illegal-state', message: error.message, fields: error.field ? { [error.field]: error.message } : undefined };
  }
  if (error instanceof NotFoundError) return { kind: 'not-found', message: error.message };
  if (error instanceof ConflictError) {
    return { kind: 'conflict', message: 'Someone else changed this lead meanwhile.', changes: error.changes, currentVersion: error.currentVersion };
  }
  if (error instanceof ConcurrencyError) return { kind: 'concurrency', message: 'This lead changed meanwhile: reload and try again.' };
  console.error('Unexpected error in an action:', error);
  return { kind: 'unexpected', message: 'Something went wrong; nothing was saved. Try again.' };
}

const STATUS: Record<ActionError['kind'], number> = {
  unauthenticated: 401, forbidden: 403, validation: 400, 'illegal-state': 409, 'not-found': 404, conflict: 409, concurrency: 409, unexpected: 500,
};

/** The same checks for route handlers: JSON with a status code that says what went wrong. */
export function authorizedRoute(capability: Capability, handler: (user: CurrentUser, request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    let response: Response | undefined;
    const result = await authorized(capability, async (user) => {
      response = await handler(user, request);
    })(undefined);
    if (!result.ok) return Response.json({ error: result.error }, { status: STATUS[result.error.kind] });
    return response!;
  };
}
