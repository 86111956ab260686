import { bulkProgressResponse } from '@/lib/api/bulk';
import { route } from '@/lib/gate';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/** GET /api/bulk/<id>: how far a bulk change of the user's tenant has got, with each lead not done and why. */
export const GET = route<{ id: string }>({ capability: 'bulk-change' }, async (user, _request, { params }) =>
  bulkProgressResponse(system(), user, (await params).id));
