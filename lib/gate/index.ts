import 'server-only';
// The one gate every entry point goes through: server actions (`action`), route handlers (`route`),
// pages (`page`). Each checks the credentials (session cookie, or an API token where the entry point
// takes them), the role or the token's scopes, and hands the handler its caller, whose tenant every
// read and write is scoped to. Next's own control flow (redirect, notFound, forbidden) passes
// through untouched; every other error becomes the small answer the caller is shown.
import { cookies, headers } from 'next/headers';
import { forbidden, redirect, unstable_rethrow } from 'next/navigation';
import { cache } from 'react';
import type { Capability } from '@/lib/auth/roles';
import { NUL_MESSAGE, nulParameter } from '@/lib/input/nul';
import type { LimitName } from '@/lib/limits/settings';
import { identify, isRefusal, type Credentials } from './credentials';
import { toActionError } from './errors';
import { rateLimitRefusal } from './limits';
import { allowed, type CurrentUser, type Principal, type TokenCaller } from './principal';
import { committed, READ_AFTER_COOKIE, READ_AFTER_COOKIE_OPTIONS, readAfterCookie } from './reader';
import { errorResponse, type ActionResult } from './result';

export type { CurrentUser, Principal, TokenCaller } from './principal';
export { actorOf } from './principal';
export type { ActionError, ActionResult } from './result';
export { errorResponse } from './result';
export { reader } from './reader';

const NOT_FOR_ROLE = 'Your role does not allow this.';

/** A server action for logged-in users whose role has `capability`. */
export function action<Output>(capability: Capability, handler: (user: CurrentUser, input: unknown) => Promise<Output>) {
  return async (input: unknown): Promise<ActionResult<Output>> => {
    try {
      const caller = await identify(await headers(), 'session');
      if (isRefusal(caller)) return { ok: false, error: caller.error };
      if (!allowed(caller, capability)) return { ok: false, error: { kind: 'forbidden', message: NOT_FOR_ROLE } };
      const data = await handler(caller as CurrentUser, input);
      // Actions change things: the user's next reads wait for a standby to have this commit.
      const lsn = await committed(caller);
      if (lsn) (await cookies()).set(READ_AFTER_COOKIE, lsn, READ_AFTER_COOKIE_OPTIONS);
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, error: toActionError(error) };
    }
  };
}

/** What Next hands a route handler besides the request: the dynamic segments of its path. */
export type RouteContext<Params> = { params: Promise<Params> };

type RouteSpec = {
  readonly capability: Capability;
  readonly credentials?: Credentials;
  /** The rate limit the caller's requests count against (lib/limits/settings.ts). */
  readonly limit?: LimitName;
};
type RouteHandler<Caller, Params> = (caller: Caller, request: Request, context: RouteContext<Params>) => Promise<Response>;
type Route<Params> = (request: Request, context: RouteContext<Params>) => Promise<Response>;

/**
 * A route handler for callers with `capability`: logged-in users by role (the default), API tokens
 * by scope (`credentials: 'token'`), or either. With `limit`, each caller's requests count against
 * that rate limit (429 with Retry-After beyond it). Refusals and errors are JSON `{ error }` with
 * the status their kind calls for.
 */
export function route<Params = Record<string, never>>(spec: RouteSpec & { credentials: 'token' }, handler: RouteHandler<TokenCaller, Params>): Route<Params>;
export function route<Params = Record<string, never>>(spec: RouteSpec & { credentials: 'session-or-token' }, handler: RouteHandler<Principal, Params>): Route<Params>;
export function route<Params = Record<string, never>>(spec: RouteSpec & { credentials?: 'session' }, handler: RouteHandler<CurrentUser, Params>): Route<Params>;
export function route<Params>(spec: RouteSpec, handler: RouteHandler<never, Params>): Route<Params> {
  return async (request, context) => {
    try {
      const caller = await identify(request.headers, spec.credentials ?? 'session');
      if (isRefusal(caller)) return errorResponse(caller.error, caller.headers);
      if (!allowed(caller, spec.capability)) {
        return errorResponse({ kind: 'forbidden', message: caller.kind === 'token' ? 'This API token\u2019s scopes do not allow this.' : NOT_FOR_ROLE });
      }
      const limited = spec.limit ? await rateLimitRefusal(spec.limit, caller) : null;
      if (limited) return errorResponse(limited.error, limited.headers);
      const badQuery = queryRefusal(request);
      if (badQuery) return badQuery;
      const response = await handler(caller as never, request, context);
      return request.method === 'GET' || request.method === 'HEAD' ? response : await afterChange(caller, response);
    } catch (error) {
      unstable_rethrow(error);
      return errorResponse(toActionError(error));
    }
  };
}

/** A query string no handler could use: a NUL in a parameter, refused before anything else, naming it. */
function queryRefusal(request: Request): Response | null {
  const parameter = nulParameter(new URL(request.url).searchParams);
  if (parameter === null) return null;
  const message = `${parameter} ${NUL_MESSAGE}`;
  return errorResponse({ kind: 'validation', message, parameter, fields: { [parameter]: message } });
}

/** After a route that may have changed things: the caller's next reads wait for a standby to have this commit. */
async function afterChange(caller: Principal, response: Response): Promise<Response> {
  const lsn = await committed(caller);
  if (!lsn || caller.kind !== 'user') return response;
  const headers = new Headers(response.headers);
  headers.append('Set-Cookie', readAfterCookie(lsn));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A route anyone may call (the API's own description): the same error handling, no credentials. */
export function publicRoute(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return queryRefusal(request) ?? (await handler(request));
    } catch (error) {
      unstable_rethrow(error);
      return errorResponse(toActionError(error));
    }
  };
}

// The layout and the page of one request ask once between them.
const pageCaller = cache(async () => identify(await headers(), 'session'));

/**
 * For pages: the logged-in user, with `capability` when one is given. No session sends the visitor
 * to the login page; a role without the capability gets the 403 page.
 */
export async function page(capability?: Capability): Promise<CurrentUser> {
  const caller = await pageCaller();
  if (isRefusal(caller)) {
    if (caller.error.kind === 'unauthenticated') redirect('/login');
    forbidden();
  }
  if (capability && !allowed(caller, capability)) forbidden();
  return caller as CurrentUser;
}

/** The logged-in user, or null: for the login page, which only asks whether to send them on. */
export async function loggedInUser(): Promise<CurrentUser | null> {
  const caller = await pageCaller();
  return isRefusal(caller) ? null : (caller as CurrentUser);
}
