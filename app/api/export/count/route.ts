import { currentUser } from '@/lib/auth/session';
import { databaseUrl, db } from '@/lib/db';
import { exportCountHandler } from '@/lib/read/event-log/export/handler';

export const dynamic = 'force-dynamic';

/** GET /api/export/count?<the export's filters>: `{ count, lastPosition }` of the matching events. */
export function GET(request: Request) {
  return exportCountHandler({ db: db(), connectionString: databaseUrl(), sessionUser: currentUser })(request);
}
