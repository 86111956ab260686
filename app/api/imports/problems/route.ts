import { route } from '@/lib/gate';
import { importProblemsResponse } from '@/lib/api/imports';
import { leadImports } from '@/lib/imports/lead-import';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * POST /api/imports/problems[?mapping=0,1,2,,4] with the same CSV file as the preview: every row
 * with a problem, as a CSV file (row number, problems, the row's cells). Nothing is stored.
 * See lib/api/imports.ts.
 */
export const POST = route({ capability: 'work-leads' }, (user, request) => importProblemsResponse(system(), leadImports, user, request));
