import { bulkSelectionResponse } from '@/lib/api/bulk';
import { route } from '@/lib/gate';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/** GET /api/bulk/selection?<the lead list's filters>: every lead matching them, with the version each is at now. */
export const GET = route({ capability: 'bulk-change' }, async (user, request) => bulkSelectionResponse(system(), user, request));
