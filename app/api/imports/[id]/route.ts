import { z } from 'zod';
import { authorizedRoute } from '@/lib/auth/action';
import { createLeadStore } from '@/lib/commands/lead-store';
import { db } from '@/lib/db';
import { importProgress } from '@/lib/imports/run-import';
import { userNames } from '@/lib/read/organisation/users';

export const dynamic = 'force-dynamic';

const notFound = () => Response.json({ error: { kind: 'not-found', message: 'No such import' } }, { status: 404 });

/**
 * GET /api/imports/<id>: how far an import of the user's tenant has got. `done` counts the rows
 * whose lead is stored (see lib/imports/run-import.ts), `total` the rows it is importing.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return authorizedRoute('work-leads', async (user) => {
    if (!z.uuid().safeParse(id).success) return notFound();
    const progress = await importProgress(createLeadStore(db()), user.tenantId, id);
    if (!progress) return notFound();
    const names = await userNames(user.tenantId);
    return Response.json({ ...progress, startedByName: names.get(progress.startedBy) ?? progress.startedBy });
  })(request);
}
