import { after } from 'next/server';
import { z } from 'zod';
import { NotFoundError } from '@/lib/errors';
import { route } from '@/lib/gate';
import { importProgress } from '@/lib/imports/run-import';
import { importStartResponse } from '@/lib/api/imports';
import { actorNames } from '@/lib/read/organisation/users';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * GET /api/imports/<id>: how far an import of the user's tenant has got. `done` counts the rows
 * whose lead is stored (see lib/imports/run-import.ts), `total` the rows it is importing.
 */
export const GET = route<{ id: string }>({ capability: 'work-leads' }, async (user, _request, { params }) => {
  const { id } = await params;
  const { store, db } = system();
  const progress = z.uuid().safeParse(id).success ? await importProgress(store, user.tenantId, id) : null;
  if (!progress) throw new NotFoundError('import.not-found');
  const names = await actorNames(db, user.tenantId);
  return Response.json({ ...progress, startedByName: names.get(progress.startedBy) ?? progress.startedBy });
});

/**
 * POST /api/imports/<id>?fileName=…[&mapping=…] with the same CSV file the preview named <id>:
 * starts importing its valid rows, which carries on after the answer (202); follow it with GET.
 */
export const POST = route<{ id: string }>({ capability: 'work-leads' }, async (user, request, { params }) =>
  importStartResponse(system(), user, request, (await params).id, after));
