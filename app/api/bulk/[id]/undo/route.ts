import { after } from 'next/server';
import { bulkUndoResponse } from '@/lib/api/bulk';
import { route } from '@/lib/gate';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/** POST /api/bulk/<id>/undo: starts the batch that takes back each lead of this one still as it left it; answers its id (202). */
export const POST = route<{ id: string }>({ capability: 'bulk-change' }, async (user, request, { params }) =>
  bulkUndoResponse(system(), user, request, (await params).id, after));
