import 'server-only';
// A bulk change's requests, behind the gate (managers and admins: `bulk-change`):
// `GET /api/bulk/selection?<the list's filters>` is every lead matching them with its version now,
// taken when the user chooses "all matching"; `POST /api/bulk` starts a change of the leads ticked
// on the list or chosen so, at those versions, and carries on in the background;
// `GET /api/bulk/<id>` is how far it has got; `POST /api/bulk/<id>/resume` carries on with one cut
// off; `POST /api/bulk/<id>/undo` starts the batch that takes it back.
import { z } from 'zod';
import { clockOf } from '@/lib/clock';
import type { CommandContext } from '@/lib/commands/lead-commands';
import { NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/gate';
import { errorResponse } from '@/lib/gate/result';
import { BodyTooLargeError, byteSize } from '@/lib/input/body';
import { fieldError, parseInput } from '@/lib/input/validation';
import { MAX_BULK_LEADS, parseBulkAction } from '@/lib/bulk/bulk-action';
import { bulkProgress, resumeBulkChange, startBulkChange, undoBulkChange, type BulkProgress, type StartedBulk } from '@/lib/bulk/run-bulk';
import { actorNames } from '@/lib/read/organisation/users';
import { matchingLeadVersions } from '@/lib/read/lead-table/leads-list';
import { leadNames } from '@/lib/read/lead-table/sources';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import type { System } from '@/lib/system';
import { jsonBody } from './commands';

/** The leads not done, at most PROBLEMS_SHOWN of them, with their names. */
export type BulkProgressView = Omit<BulkProgress, 'problems'> & {
  readonly startedByName: string;
  readonly problems: readonly (BulkProgress['problems'][number] & { readonly name: string | null })[];
};

const PROBLEMS_SHOWN = 500;
export type BulkStarted = { readonly batchId: string; readonly leads: number };

/** Room for the most leads one change takes, each with its id and version. */
const BULK_BODY_LIMIT = 8 * 1024 * 1024;

const startBody = z.strictObject({
  action: z.unknown(),
  /** The leads, at the versions the user saw: their rows', or those read when "all matching" was chosen. */
  leads: z.array(z.strictObject({ leadId: z.uuid({ error: 'Lead id must be a UUID' }), version: z.number().int().min(1) }), { error: 'Select at least one lead' }),
  /** The list's filters (`status=Available&owner=…`) the leads were chosen by, for the record; null for leads ticked one by one. */
  filter: z.string().max(2000, { error: 'The filter is too long' }).nullable().default(null),
});

type Background = (run: () => Promise<void>) => void;

export async function bulkStartResponse(system: System, user: CurrentUser, request: Request, background: Background): Promise<Response> {
  let json: unknown;
  try {
    json = await jsonBody(request, BULK_BODY_LIMIT);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return errorResponse({ kind: 'too-large', message: `A bulk change is at most ${byteSize(BULK_BODY_LIMIT)} of JSON; this body is larger. Nothing was stored.` });
  }
  const body = parseInput(startBody, json);
  const context = await contextOf(system, user, request);
  const action = parseBulkAction(body.action, context.now);
  if (action.kind === 'undo') throw fieldError('kind', 'Undo a bulk change from its own page');
  const started = await startBulkChange(system.store, context, { action, targets: body.leads, filter: body.filter });
  return startedResponse(started, background);
}

export type BulkSelection = { readonly leads: readonly { leadId: string; version: number }[] };

/** Every lead of the user's tenant matching the list's filters (the request's search params), each at its version now. */
export async function bulkSelectionResponse(system: System, user: CurrentUser, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const leads = await matchingLeadVersions(system.db, user, Object.fromEntries(url.searchParams), MAX_BULK_LEADS + 1, clockOf(request.headers));
  if (leads.length > MAX_BULK_LEADS) throw fieldError('leads', `More than ${MAX_BULK_LEADS.toLocaleString('en-GB')} leads match: narrow the filter`);
  return Response.json({ leads } satisfies BulkSelection, { headers: { 'Cache-Control': 'no-store' } });
}

export async function bulkResumeResponse(system: System, user: CurrentUser, request: Request, batchId: string, background: Background): Promise<Response> {
  return startedResponse(await resumeBulkChange(system.store, await contextOf(system, user, request), checkedId(batchId)), background);
}

export async function bulkUndoResponse(system: System, user: CurrentUser, request: Request, batchId: string, background: Background): Promise<Response> {
  return startedResponse(await undoBulkChange(system.store, await contextOf(system, user, request), checkedId(batchId)), background);
}

/** How far a bulk change of the user's tenant has got; 404 for any other id. */
export async function bulkProgressResponse(system: System, user: CurrentUser, batchId: string): Promise<Response> {
  const progress = await bulkProgress(system.store, user.tenantId, checkedId(batchId));
  const names = await actorNames(system.db, user.tenantId);
  const shown = progress.problems.slice(0, PROBLEMS_SHOWN);
  const leads = await leadNames(system.db, user.tenantId, shown.map((problem) => problem.leadId));
  const view: BulkProgressView = {
    ...progress,
    startedByName: names.get(progress.startedBy) ?? progress.startedBy,
    problems: shown.map((problem) => ({ ...problem, name: leads.get(problem.leadId) ?? null })),
  };
  return Response.json(view, { headers: { 'Cache-Control': 'no-store' } });
}

function checkedId(batchId: string): string {
  if (!z.uuid().safeParse(batchId).success) throw new NotFoundError('bulk.not-found');
  return batchId;
}

async function contextOf(system: System, user: CurrentUser, request: Request): Promise<CommandContext & { now: Date }> {
  return { tenantId: user.tenantId, actorId: user.id, region: await tenantRegion(system.db, user.tenantId), dialing: system.dialing, now: clockOf(request.headers) };
}

function startedResponse(started: StartedBulk, background: Background): Response {
  if (started.run) background(started.run);
  return Response.json({ batchId: started.batchId, leads: started.leads } satisfies BulkStarted, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}
