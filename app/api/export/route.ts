import { exportPool, readRouting } from '@/lib/db';
import { route } from '@/lib/gate';
import { exportFile, exportParamsFor } from '@/lib/read/event-log/export/respond';
import { settings } from '@/lib/settings';
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
  const { exportsPerCaller, exportsPerTenant, exportStallMs } = settings();
  return exportFile(system(), exportPool(), { tenantId: caller.tenantId, callerId: caller.id }, params, {
    perCaller: exportsPerCaller, perTenant: exportsPerTenant, stallMs: exportStallMs, routing: readRouting(),
  });
});
