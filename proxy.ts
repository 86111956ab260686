// Server actions take small inputs. Next refuses a body past serverActions.bodySizeLimit
// (next.config.js) but answers that with a 500; a request that declares a larger body (browsers
// always declare it) is refused here first, with 413 and words, before Next reads any of it.
import { NextResponse, type NextRequest } from 'next/server';
import { byteSize, SERVER_ACTION_BODY_LIMIT } from '@/lib/input/body';

export function proxy(request: NextRequest) {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > SERVER_ACTION_BODY_LIMIT) {
    const message = `A form sends at most ${byteSize(SERVER_ACTION_BODY_LIMIT)}; this one is larger. Nothing was saved.`;
    return Response.json({ error: { kind: 'too-large', message } }, { status: 413 });
  }
  return NextResponse.next();
}

// Only server action calls: a POST to a page with the Next-Action header.
export const config = { matcher: [{ source: '/:path*', has: [{ type: 'header', key: 'next-action' }] }] };
