import { reader, route } from '@/lib/gate';
import { exportCount, exportParamsFor } from '@/lib/read/event-log/export/respond';

export const dynamic = 'force-dynamic';

/** GET /api/export/count?<the export's filters>: `{ count, lastPosition }` of the matching events. */
export const GET = route({ capability: 'export', credentials: 'session-or-token', limit: 'export-count' }, async (caller, request) => {
  const params = exportParamsFor(request, caller.tenantId);
  if (params instanceof Response) return params;
  return exportCount(await reader(caller), caller.tenantId, params);
});
