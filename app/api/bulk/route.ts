import { after } from 'next/server';
import { bulkStartResponse } from '@/lib/api/bulk';
import { route } from '@/lib/gate';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/** POST /api/bulk `{ action, leads | filter }`: starts a bulk change, which carries on after the answer (202); follow it with GET /api/bulk/<id>. */
export const POST = route({ capability: 'bulk-change' }, async (user, request) => bulkStartResponse(system(), user, request, after));
