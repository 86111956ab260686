import { reader, route } from '@/lib/gate';
import { waitForProjection } from '@/lib/read/engine/wait';
import { actorNames } from '@/lib/read/organisation/users';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { phoneAsRead } from '@/lib/present/phone';
import { searchTermsProjection } from '@/lib/read/search-terms/projection';
import { searchLeads } from '@/lib/read/search-terms/search';

export const dynamic = 'force-dynamic';

/**
 * GET /api/search?q=...: the user's tenant's leads matching what they typed, best first.
 * `&after=<position>` (a command's result) first waits up to 2 s for the search index to include
 * that change; `stale: true` in the answer says it gave up waiting.
 */
export const GET = route({ capability: 'work-leads' }, async (user, request) => {
  const db = await reader(user);
  const params = new URL(request.url).searchParams;
  const text = params.get('q') ?? '';
  const after = params.get('after');
  const wait = after && /^\d{1,19}$/.test(after) ? await waitForProjection(db, searchTermsProjection.name, BigInt(after), { timeoutMs: 2000 }) : null;
  const region = await tenantRegion(db, user.tenantId);
  const search = await searchLeads(db, user.tenantId, text.slice(0, 200), { region, limit: 10 });
  const names = await actorNames(db, user.tenantId);
  return Response.json({
    ...search,
    stale: wait ? !wait.caughtUp : false,
    results: search.results.map((result) => ({
      ...result,
      matched: {
        ...result.matched,
        display: result.matched.kind === 'phone' ? phoneAsRead(result.matched.value, region) : result.matched.display,
        changedByName: result.matched.changedBy ? (names.get(result.matched.changedBy) ?? result.matched.changedBy) : null,
      },
    })),
  });
});
