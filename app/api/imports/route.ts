import { route } from '@/lib/gate';
import { importPreviewResponse } from '@/lib/api/imports';
import { leadImports } from '@/lib/imports/lead-import';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * POST /api/imports[?mapping=0,1,2,,4] with a CSV file as the body (at most 256 MB, 1,000,000 rows):
 * checks every row for the user's tenant and answers the preview (the columns, the counts of
 * valid rows over the whole file, the first rows and the first problems). Nothing is stored.
 * See lib/api/imports.ts.
 */
export const POST = route({ capability: 'work-leads' }, (user, request) => importPreviewResponse(system(), leadImports, user, request));
