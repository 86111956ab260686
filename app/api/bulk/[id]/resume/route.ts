import { after } from 'next/server';
import { bulkResumeResponse } from '@/lib/api/bulk';
import { route } from '@/lib/gate';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/** POST /api/bulk/<id>/resume: carries on with a bulk change cut off by a restart; leads done are not sent again. */
export const POST = route<{ id: string }>({ capability: 'bulk-change' }, async (user, request, { params }) =>
  bulkResumeResponse(system(), user, request, (await params).id, after));
