import { route } from '@/lib/gate';
import { projectionLag } from '@/lib/read/engine/lag';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * GET /api/projections/status, for the organisation's admins: per read model, how far it has got
 * with the organisation's events: the position applied, the organisation's latest, and how far
 * behind it is. Load balancers ask /api/health, which tells nothing.
 */
export const GET = route({ capability: 'manage-users' }, async (user) => {
  const { db, projections } = system();
  return Response.json({ projections: await projectionLag(db, projections, { tenantId: user.tenantId }) });
});
