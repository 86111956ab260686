import { after } from 'next/server';
import { route } from '@/lib/gate';
import { importProgressResponse, importStartResponse } from '@/lib/api/imports';
import { doNotCallImports } from '@/lib/imports/do-not-call-import';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/** GET /api/do-not-call/imports/<id>: how far an import of a do-not-call list of the user's tenant has got. */
export const GET = route<{ id: string }>({ capability: 'manage-do-not-call' }, async (user, _request, { params }) =>
  importProgressResponse(system(), doNotCallImports, user, (await params).id));

/**
 * POST /api/do-not-call/imports/<id>?fileName=…[&mapping=…] with the same CSV file the preview
 * named <id>: blocks each good row's number (a BlockNumber command with the source
 * `import:<id>`), carrying on after the answer (202); follow it with GET.
 */
export const POST = route<{ id: string }>({ capability: 'manage-do-not-call' }, async (user, request, { params }) =>
  importStartResponse(system(), doNotCallImports, user, request, (await params).id, after));
