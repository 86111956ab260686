// GET /api/export and /api/export/count. The caller is a logged-in user whose role may export, or
// a BI tool with `Authorization: Bearer <API token>`; either way only their own tenant's events
// are read. Every refusal is JSON with a status that says why.
import { verifyApiToken } from '@/lib/auth/api-tokens';
import { can, type CurrentUser } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/client';
import { HorizonTimeoutError } from '@/lib/event-store/horizon';
import { countExportEvents } from './count';
import { parseExportParams, type ExportParams } from './params';
import { openExport } from './stream';

export type ExportDeps = {
  readonly db: Db;
  /** The database the export's own connection opens. */
  readonly connectionString: string;
  readonly sessionUser: () => Promise<CurrentUser | null>;
  readonly horizonBudgetMs?: number;
};

type Refusal = { status: number; kind: string; message: string; parameter?: string; headers?: Record<string, string> };

const refuse = ({ status, kind, message, parameter, headers }: Refusal) =>
  Response.json({ error: { kind, message, ...(parameter ? { parameter, fields: { [parameter]: message } } : {}) } }, { status, headers });

/** Who is asking: the tenant they may export, or why not. */
async function exportTenant(request: Request, deps: ExportDeps): Promise<{ tenantId: string } | Refusal> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="leadstream-export"' };
    if (!bearer) return { status: 401, kind: 'unauthenticated', message: 'Send the API token as "Authorization: Bearer <token>".', headers: challenge };
    const token = await verifyApiToken(deps.db, bearer[1]!);
    if (!token) return { status: 401, kind: 'unauthenticated', message: 'This API token is not valid or has been revoked.', headers: challenge };
    if (token.scope !== 'export') return { status: 403, kind: 'forbidden', message: 'This API token may not export.' };
    return { tenantId: token.tenantId };
  }
  const user = await deps.sessionUser();
  if (!user) return { status: 401, kind: 'unauthenticated', message: 'Log in, or send an API token as "Authorization: Bearer <token>".' };
  if (!can(user.role, 'export')) return { status: 403, kind: 'forbidden', message: 'Your role does not allow exports.' };
  return { tenantId: user.tenantId };
}

async function authorise(request: Request, deps: ExportDeps): Promise<{ tenantId: string; params: ExportParams } | Response> {
  const caller = await exportTenant(request, deps);
  if ('status' in caller) return refuse(caller);
  const parsed = parseExportParams(new URL(request.url).searchParams);
  if (!parsed.ok) return refuse({ status: 400, kind: 'validation', message: parsed.message, parameter: parsed.parameter });
  if (parsed.params.tenant !== undefined && parsed.params.tenant !== caller.tenantId) {
    return refuse({ status: 403, kind: 'forbidden', message: 'You may only export your own organisation\'s events.', parameter: 'tenant' });
  }
  return { tenantId: caller.tenantId, params: parsed.params };
}

function unexpected(error: unknown): Response {
  console.error('Export failed:', error);
  return refuse({ status: 500, kind: 'unexpected', message: 'The export could not start. Try again.' });
}

export function exportHandler(deps: ExportDeps) {
  return async (request: Request): Promise<Response> => {
    const allowed = await authorise(request, deps);
    if (allowed instanceof Response) return allowed;
    try {
      const run = await openExport(deps.connectionString, allowed.tenantId, allowed.params, { horizonBudgetMs: deps.horizonBudgetMs });
      return new Response(run.body, {
        headers: {
          'Content-Type': run.contentType,
          'Content-Disposition': `attachment; filename="${run.fileName}"`,
          'Cache-Control': 'no-store',
          'X-Export-After': allowed.params.after.toString(),
          'X-Export-Horizon': run.horizon.toString(),
        },
      });
    } catch (error) {
      if (error instanceof HorizonTimeoutError) {
        return refuse({
          status: 503, kind: 'busy', headers: { 'Retry-After': '5' },
          message: `Events are being written right now and the export waits for them to settle; ${error.message}. Try again in a few seconds.`,
        });
      }
      return unexpected(error);
    }
  };
}

export function exportCountHandler(deps: ExportDeps) {
  return async (request: Request): Promise<Response> => {
    const allowed = await authorise(request, deps);
    if (allowed instanceof Response) return allowed;
    try {
      return Response.json(await countExportEvents(deps.db, allowed.tenantId, allowed.params.after, allowed.params), { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      return unexpected(error);
    }
  };
}
