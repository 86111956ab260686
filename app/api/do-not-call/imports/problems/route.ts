import { route } from '@/lib/gate';
import { importProblemsResponse } from '@/lib/api/imports';
import { doNotCallImports } from '@/lib/imports/do-not-call-import';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * POST /api/do-not-call/imports/problems[?mapping=…] with the same CSV file as the preview: every
 * row with a problem, as a CSV file. Nothing is stored. See lib/api/imports.ts.
 */
export const POST = route({ capability: 'manage-do-not-call' }, (user, request) => importProblemsResponse(system(), doNotCallImports, user, request));
