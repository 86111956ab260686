import { healthResponse } from '@/lib/api/health';
import { publicRoute } from '@/lib/gate';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/** GET /api/health: 200 `{ status: "ok" }` while the database answers, 503 `{ status: "unavailable" }` otherwise. */
export const GET = publicRoute(async () => healthResponse(system().db));
