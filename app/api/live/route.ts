import { route } from '@/lib/gate';
import { parseLastEventId } from '@/lib/live/messages';
import { live } from '@/lib/live/server';
import { liveStream } from '@/lib/live/stream';

export const dynamic = 'force-dynamic';

/**
 * GET /api/live: the changes to the leads of the user's organisation as server-sent events, as
 * they happen. A reconnect's Last-Event-ID (or `?after=`) resumes just after that event; `?once=1` ends the
 * stream once caught up, for places where a proxy will not stream (docs/live.md).
 */
export const GET = route({ capability: 'work-leads' }, async (user, request) => {
  const query = new URL(request.url).searchParams;
  const header = request.headers.get('last-event-id');
  const after = header ? parseLastEventId(header) : parseLastEventId(query.get('after'), 'after');
  const { hub, stopping } = live();
  return liveStream(hub, { tenantId: user.tenantId, after, signals: [request.signal, stopping], once: query.get('once') === '1' });
});
