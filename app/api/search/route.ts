import { authorizedRoute } from '@/lib/auth/action';
import { db } from '@/lib/db';
import { searchLeads } from '@/lib/projections/search-terms/search';
import { tenantRegion } from '@/lib/tenants';
import { userNames } from '@/lib/queries/user-names';

export const dynamic = 'force-dynamic';

/** GET /api/search?q=...: the user's tenant's leads matching what they typed, best first. */
export const GET = authorizedRoute('work-leads', async (user, request) => {
  const text = new URL(request.url).searchParams.get('q') ?? '';
  const search = await searchLeads(db(), user.tenantId, text.slice(0, 200), { region: await tenantRegion(user.tenantId), limit: 10 });
  const names = await userNames(user.tenantId);
  return Response.json({
    ...search,
    results: search.results.map((result) => ({
      ...result,
      matched: { ...result.matched, changedByName: result.matched.changedBy ? (names.get(result.matched.changedBy) ?? result.matched.changedBy) : null },
    })),
  });
});
