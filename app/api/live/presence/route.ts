import { NotFoundError } from '@/lib/errors';
import { route } from '@/lib/gate';
import { markGone, markPresent, parsePresenceInput, presenceOf } from '@/lib/live/presence';
import { leadById } from '@/lib/read/lead-table/lead-by-id';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/** POST /api/live/presence `{ leadId }`: the lead's page is open (a heartbeat); answers who has it open. 404 for a lead not of the user's organisation. */
export const POST = route({ capability: 'work-leads' }, async (user, request) => {
  const { leadId } = parsePresenceInput(await request.json().catch(() => null));
  const { db } = system();
  if (!(await leadById(db, user.tenantId, leadId))) throw new NotFoundError('lead.not-found');
  const now = new Date();
  await markPresent(db, { tenantId: user.tenantId, leadId, userId: user.id }, now);
  return Response.json(await presenceOf(db, user.tenantId, leadId, now));
});

/** DELETE /api/live/presence `{ leadId }`: the lead's page was closed. */
export const DELETE = route({ capability: 'work-leads' }, async (user, request) => {
  const { leadId } = parsePresenceInput(await request.json().catch(() => null));
  await markGone(system().db, { tenantId: user.tenantId, leadId, userId: user.id });
  return Response.json({ gone: true });
});
