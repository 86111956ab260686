import { reader, route } from '@/lib/gate';
import { dueCallbackCount } from '@/lib/read/lead-table/callback-queue';

export const dynamic = 'force-dynamic';

/** GET /api/queue/count: the user's callbacks that are overdue or due by the end of today (UTC). */
export const GET = route({ capability: 'work-leads' }, async (user) => {
  return Response.json({ due: await dueCallbackCount(await reader(user), { tenantId: user.tenantId, userId: user.id }) });
});
