import { authorizedRoute } from '@/lib/auth/action';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** GET /api/queue/count: the user's callbacks that are overdue or due by the end of today (UTC). */
export const GET = authorizedRoute('work-leads', async (user) => {
  const endOfToday = new Date();
  endOfToday.setUTCHours(23, 59, 59, 999);
  const due = await db().leadView.count({
    where: { tenantId: user.tenantId, ownerId: user.id, followUpAt: { lte: endOfToday } },
  });
  return Response.json({ due });
});
