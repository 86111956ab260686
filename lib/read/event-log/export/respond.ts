import 'server-only';
// The export's HTTP answers, behind the gate (app/api/export): the parameters checked and scoped to
// the caller's tenant, then the streamed file or the count. Every refusal is JSON naming the
// parameter at fault.
import type pg from 'pg';
import { createTextOpener } from '@/lib/erasure/text-opener';
import type { Db } from '@/lib/db/client';
import { StandbyBehindError, type ReadRouting } from '@/lib/db/replica';
import { prismaQueryable } from '@/lib/db/sql';
import { HorizonTimeoutError, standbyHorizon } from '@/lib/event-store/horizon';
import { errorResponse } from '@/lib/gate/result';
import type { System } from '@/lib/system';
import { countExportEvents } from './count';
import { parseExportParams, type ExportParams } from './params';
import { claimExportConnection, ExportLimitError, type ExportCaller, type ExportCaps } from './slots';
import { openExport } from './stream';

export type ExportOptions = ExportCaps & {
  readonly horizonBudgetMs?: number;
  readonly stallMs?: number;
  /** With a standby (the pool's connections are on it), the horizon is settled on the primary and awaited on the standby. */
  readonly routing?: ReadRouting;
};

const LIMIT_WORDS: Record<ExportLimitError['scope'], (limit: number) => string> = {
  caller: (limit) => `You already have ${limit} export${limit === 1 ? '' : 's'} running, the most one API token or user may run at once`,
  tenant: (limit) => `Your organisation already has ${limit} exports running, the most it may run at once`,
  server: () => 'This server is running as many exports as it can',
};

/** The export's parameters for a caller of `tenantId`, or the response refusing them. */
export function exportParamsFor(request: Request, tenantId: string): ExportParams | Response {
  const parsed = parseExportParams(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse({ kind: 'validation', message: parsed.message, parameter: parsed.parameter, fields: { [parsed.parameter]: parsed.message } });
  if (parsed.params.tenant !== undefined && parsed.params.tenant !== tenantId) {
    const message = 'You may only export your own organisation\u2019s events.';
    return errorResponse({ kind: 'forbidden', message, parameter: 'tenant', fields: { tenant: message } });
  }
  return parsed.params;
}

/**
 * The file, streamed on a connection of the export pool; a 429 when the caller, its tenant or this
 * server already runs as many exports as allowed; a 503 to come back in a few seconds when appends
 * in flight do not settle within the budget, or the standby does not catch up with them.
 */
export async function exportFile(system: System, pool: pg.Pool, caller: ExportCaller, params: ExportParams, options: ExportOptions): Promise<Response> {
  let run: Awaited<ReturnType<typeof openExport>>;
  try {
    const connection = await claimExportConnection(pool, caller, options);
    const { routing } = options;
    const horizon = routing?.replicated ? (budgetMs: number | undefined) => standbyHorizon(prismaQueryable(routing.primary), routing, { budgetMs }) : undefined;
    run = await openExport(connection, system.registry, caller.tenantId, params, {
      horizonBudgetMs: options.horizonBudgetMs, stallMs: options.stallMs, horizon,
      openData: createTextOpener(system.personalData.keys, system.db, caller.tenantId),
    });
  } catch (error) {
    if (error instanceof ExportLimitError) {
      return errorResponse({ kind: 'rate-limited', message: `${LIMIT_WORDS[error.scope](error.limit)}: try again when one has finished.` }, { 'Retry-After': '10' });
    }
    if (error instanceof StandbyBehindError) {
      return errorResponse({ kind: 'busy', message: `The copy of the database exports read from is behind: ${error.message}. Try again in a few seconds.` }, { 'Retry-After': '5' });
    }
    if (!(error instanceof HorizonTimeoutError)) throw error;
    const message = `Events are being written right now and the export waits for them to settle; ${error.message}. Try again in a few seconds.`;
    return errorResponse({ kind: 'busy', message }, { 'Retry-After': '5' });
  }
  return new Response(run.body, {
    headers: {
      'Content-Type': run.contentType,
      'Content-Disposition': `attachment; filename="${run.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Export-After': params.after.toString(),
      'X-Export-Horizon': run.horizon.toString(),
    },
  });
}

export async function exportCount(db: Db, tenantId: string, params: ExportParams): Promise<Response> {
  return Response.json(await countExportEvents(db, tenantId, params.after, params), { headers: { 'Cache-Control': 'no-store' } });
}
