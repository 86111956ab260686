import { databaseUrl } from '@/lib/db';
import { route } from '@/lib/gate';
import { exportFile, exportParamsFor } from '@/lib/read/event-log/export/respond';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * GET /api/export?format=csv|ndjson&gzip=&after=&from=&to=&type=&lead=&actor=: the tenant's events
 * after `after`, in position order, streamed; for users whose role exports and for API tokens with
 * the `export` scope. See docs/export.md.
 */
export const GET = route({ capability: 'export', credentials: 'session-or-token', limit: 'export' }, async (caller, request) => {
  const params = exportParamsFor(request, caller.tenantId);
  if (params instanceof Response) return params;
  return exportFile(system(), databaseUrl(), caller.tenantId, params);
});
