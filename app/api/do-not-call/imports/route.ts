import { route } from '@/lib/gate';
import { importPreviewResponse } from '@/lib/api/imports';
import { doNotCallImports } from '@/lib/imports/do-not-call-import';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * POST /api/do-not-call/imports[?mapping=<phone column>,<reason column>] with a CSV file as the
 * body: checks every row for the user's tenant (a number that cannot exist, a repeat of an earlier
 * line, a number already on the list) and answers the preview. Nothing is stored. The same
 * pipeline as the lead import (lib/api/imports.ts).
 */
export const POST = route({ capability: 'manage-do-not-call' }, (user, request) => importPreviewResponse(system(), doNotCallImports, user, request));
