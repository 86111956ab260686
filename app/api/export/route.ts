import { currentUser } from '@/lib/auth/session';
import { databaseUrl, db } from '@/lib/db';
import { exportHandler } from '@/lib/read/event-log/export/handler';

export const dynamic = 'force-dynamic';

/**
 * GET /api/export?format=csv|ndjson&gzip=&after=&from=&to=&type=&lead=&actor=: the tenant's events
 * after `after`, in position order, streamed. See docs/export.md.
 */
export function GET(request: Request) {
  return exportHandler({ db: db(), connectionString: databaseUrl(), sessionUser: currentUser })(request);
}
