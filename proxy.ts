// Checks that run before Next routes a request, for what Next itself would answer with a 500:
// - a path with a malformed %-escape (`/leads/%E0%A4%A`): Next fails decoding its dynamic segments;
//   refused here with 400 and words. So is one holding a NUL (`/leads/%00`), which no segment can
//   be and the database cannot read (a query string's NUL is refused at the gate, lib/input/nul.ts).
// - a server action whose declared body is larger than serverActions.bodySizeLimit
//   (next.config.js): Next refuses it with a 500; refused here with 413 before any of it is read.
// - a server action whose text body is not the JSON array of arguments every browser sends, one
//   nested deeper than any form's, or one whose `$` tokens name parts it did not send: Next answers
//   a 500 when it cannot decode the arguments of an action of the page's own layout (the header's
//   Next lead); refused here with 400.
import { NextResponse, type NextRequest } from 'next/server';
import { byteSize, SERVER_ACTION_BODY_LIMIT } from '@/lib/input/body';

export async function proxy(request: NextRequest) {
  let path: string;
  try {
    path = decodeURIComponent(request.nextUrl.pathname);
  } catch {
    const message = 'The address holds a malformed %-escape: a "%" must be followed by two hexadecimal digits of UTF-8.';
    return Response.json({ error: { kind: 'validation', message, fields: { path: message } } }, { status: 400 });
  }
  if (path.includes('\u0000')) {
    const message = 'The address holds %00, the NUL character (U+0000), which no address may contain.';
    return Response.json({ error: { kind: 'validation', message, fields: { path: message } } }, { status: 400 });
  }
  if (request.headers.has('next-action') && Number(request.headers.get('content-length') ?? 0) > SERVER_ACTION_BODY_LIMIT) {
    const message = `A form sends at most ${byteSize(SERVER_ACTION_BODY_LIMIT)}; this one is larger. Nothing was saved.`;
    return Response.json({ error: { kind: 'too-large', message } }, { status: 413 });
  }
  if (request.method === 'POST' && request.headers.has('next-action') && request.headers.get('content-type')?.startsWith('text/plain') && !(await holdsArgumentList(request))) {
    const message = 'A server action is sent its arguments as a JSON array; this request sent something else, nested too deep, or referred to parts it did not send. Nothing was saved.';
    return Response.json({ error: { kind: 'validation', message, fields: { body: message } } }, { status: 400 });
  }
  return NextResponse.next();
}

/** Deeper than any form's arguments; Next's decoder runs out of stack on a few thousand levels. */
const MAX_ARGUMENT_DEPTH = 64;

/**
 * A string starting with `$` is a token of React's reply format. A browser escapes a `$` of its own
 * (`$$`) and, in a body of one part, sends only tokens that stand alone (undefined, a date, a big
 * integer, a non-finite number). Any other names a part this body does not have, and React's decoder
 * then fails the request with a 500 ("Connection closed").
 */
const STANDALONE_TOKEN = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;

async function holdsArgumentList(request: NextRequest): Promise<boolean> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await request.clone().text());
  } catch {
    return false;
  }
  if (!Array.isArray(parsed)) return false;
  const pending: [unknown, number][] = [[parsed, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (depth > MAX_ARGUMENT_DEPTH) return false;
    if (typeof value === 'string' && value.startsWith('$') && !STANDALONE_TOKEN.test(value)) return false;
    if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) pending.push([inner, depth + 1]);
  }
  return true;
}

// Every request but Next's own static files and the CSV uploads of the imports (the lead list's and
// the do-not-call list's): Next copies the body of every request its proxy sees, only up to 10 MB,
// so an upload through the proxy would be held in memory and cut off there. Their paths (a fixed
// one, or one with an import id of hex digits and dashes) cannot hold a %-escape.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/imports(?:/[0-9a-f-]+)?$|api/do-not-call/imports(?:/[0-9a-f-]+)?$).*)'],
};
