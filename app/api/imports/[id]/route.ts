import { after } from 'next/server';
import { route } from '@/lib/gate';
import { importProgressResponse, importStartResponse } from '@/lib/api/imports';
import { leadImports } from '@/lib/imports/lead-import';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * GET /api/imports/<id>: how far a lead import of the user's tenant has got. `done` counts the rows
 * whose lead is stored (see lib/imports/run-import.ts), `total` the rows it is importing.
 */
export const GET = route<{ id: string }>({ capability: 'work-leads' }, async (user, _request, { params }) =>
  importProgressResponse(system(), leadImports, user, (await params).id));

/**
 * POST /api/imports/<id>?fileName=…[&mapping=…] with the same CSV file the preview named <id>:
 * starts importing its valid rows, which carries on after the answer (202); follow it with GET.
 */
export const POST = route<{ id: string }>({ capability: 'work-leads' }, async (user, request, { params }) =>
  importStartResponse(system(), leadImports, user, request, (await params).id, after));
