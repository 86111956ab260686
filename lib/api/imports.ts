import 'server-only';
// An import's requests, behind the gate, the same for every kind of import (leads at
// app/api/imports, the do-not-call list at app/api/do-not-call/imports): `POST <base>` checks a
// CSV file and answers the preview, storing nothing; `POST <base>/problems` answers every row with a
// problem as a CSV file, storing nothing; `POST <base>/<id>` imports the file the
// preview named <id>; `GET <base>/<id>` is how far it has got. Each upload is read as it arrives,
// at most MAX_FILE_BYTES of it, into a spool file of mapped rows (lib/imports/spool.ts) that the
// checks and the import read back. For the browser's import pages, with a session: the same shape
// as the command API beside it.
import { z } from 'zod';
import { NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/gate';
import { errorResponse } from '@/lib/gate/result';
import { BodyTooLargeError, bodyChunks, byteSize } from '@/lib/input/body';
import { fieldError, parseInput } from '@/lib/input/validation';
import { actorNames } from '@/lib/read/organisation/users';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import type { System } from '@/lib/system';
import type { AnyImportKind } from '@/lib/imports/import-kind';
import { MAX_FILE_BYTES } from '@/lib/imports/limits';
import { lineOf, type ColumnMapping } from '@/lib/imports/mapping';
import { previewImport, type ImportPreview } from '@/lib/imports/prepare-import';
import { importProgress, startImport, type ImportProgress } from '@/lib/imports/run-import';
import { discardSpool, spoolSource, spoolUpload, type Spool } from '@/lib/imports/spool';
import { csvLine } from '@/lib/present/csv';
import { toWebStream } from '@/lib/read/event-log/export/stream';
import { Readable } from 'node:stream';

export type UploadPreview = ImportPreview & { readonly headers: readonly string[]; readonly mapping: ColumnMapping<string> };
export type ProgressView = ImportProgress & { readonly startedByName: string };
export type UploadStarted = { readonly importId: string; readonly rows: number; readonly validRows: number };

const previewParams = z.object({ mapping: z.string().optional() });
const startParams = z.object({
  fileName: z.string({ error: 'fileName: the file needs a name' }).trim().min(1, { error: 'fileName: the file needs a name' }).max(255, { error: 'fileName: at most 255 characters' }),
  mapping: z.string().optional(),
});

const noStore = { 'Cache-Control': 'no-store' };

export async function importPreviewResponse(system: System, kind: AnyImportKind, user: CurrentUser, request: Request): Promise<Response> {
  const { mapping } = parseInput(previewParams, Object.fromEntries(new URL(request.url).searchParams));
  const spool = await spoolRequest(request, kind, user.tenantId, mapping);
  if (spool instanceof Response) return spool;
  try {
    const tenant = { tenantId: user.tenantId, region: await tenantRegion(system.db, user.tenantId) };
    const preview = await previewImport(system.db, tenant, spool.importId, spoolSource(spool), { kind });
    return Response.json({ ...preview, headers: spool.headers, mapping: spool.mapping } satisfies UploadPreview, { headers: noStore });
  } finally {
    await discardSpool(spool);
  }
}

/**
 * Every row of the file with a problem, as a CSV file to download: its row number, its problems and
 * its cells as read (line numbers as the preview shows them), checked exactly as the preview checks them. Nothing is stored. The rows are
 * written as they are checked, a batch at a time, so a file of a million rows is never held whole.
 */
export async function importProblemsResponse(system: System, kind: AnyImportKind, user: CurrentUser, request: Request): Promise<Response> {
  const { mapping } = parseInput(previewParams, Object.fromEntries(new URL(request.url).searchParams));
  const spool = await spoolRequest(request, kind, user.tenantId, mapping);
  if (spool instanceof Response) return spool;
  const spooled: Spool = spool;
  let handedOver = false;
  try {
    const tenant = { tenantId: user.tenantId, region: await tenantRegion(system.db, user.tenantId) };
    const header = ['Line', 'Problems', ...kind.shape.fields.map((field) => kind.shape.labels[field]!)];
    async function* lines() {
      try {
        yield csvLine(header, { spreadsheet: true });
        for await (const { first, records, checks } of kind.check(system.db, tenant, spooled.importId, spoolSource(spooled), new Date())) {
          for (const check of checks) {
            if (check.errors.length > 0) yield csvLine([lineOf(check.index), check.errors.join('; '), ...records[check.index - first]!], { spreadsheet: true });
          }
        }
      } finally {
        await discardSpool(spooled);
      }
    }
    handedOver = true;
    return new Response(toWebStream(Readable.from(lines())), {
      headers: { ...noStore, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${kind.name}-import-problems.csv"` },
    });
  } finally {
    if (!handedOver) await discardSpool(spool);
  }
}

/** Starts the import and hands its run to `background` (Next's `after`); answers 202 with the import's id and counts. */
export async function importStartResponse(
  system: System,
  kind: AnyImportKind,
  user: CurrentUser,
  request: Request,
  importId: string,
  background: (run: () => Promise<void>) => void,
): Promise<Response> {
  const { fileName, mapping } = parseInput(startParams, Object.fromEntries(new URL(request.url).searchParams));
  // Not an id any preview gives: refused before the upload is read.
  if (!z.uuid().safeParse(importId).success) throw new NotFoundError('import.not-found');
  const spool = await spoolRequest(request, kind, user.tenantId, mapping);
  if (spool instanceof Response) return spool;
  let handedOver = false;
  try {
    // The id is the rows' digest: another file, or the same one mapped otherwise, is not what the user checked.
    if (spool.importId !== importId) throw fieldError('file', 'This is not the file that was checked, or its columns were matched differently: check it again, then import.');
    const context = { tenantId: user.tenantId, actorId: user.id, region: await tenantRegion(system.db, user.tenantId), assign: system.assign };
    const started = await startImport(system.store, context, { fileName, importId, source: spoolSource(spool) }, { kind });
    if (started.run) {
      const run = started.run;
      background(() => run().finally(() => discardSpool(spool)));
      handedOver = true;
    }
    return Response.json({ importId, rows: started.rows, validRows: started.validRows } satisfies UploadStarted, { status: 202, headers: noStore });
  } finally {
    if (!handedOver) await discardSpool(spool);
  }
}

/** How far an import of this kind has got, for the user's tenant only; 404 for any other id. */
export async function importProgressResponse(system: System, kind: AnyImportKind, user: CurrentUser, importId: string): Promise<Response> {
  const progress = z.uuid().safeParse(importId).success ? await importProgress(system.store, user.tenantId, importId, kind.name) : null;
  if (!progress) throw new NotFoundError('import.not-found');
  const names = await actorNames(system.db, user.tenantId);
  return Response.json({ ...progress, startedByName: names.get(progress.startedBy) ?? progress.startedBy } satisfies ProgressView);
}

/** The upload in a spool file, or the 413 refusing it. */
async function spoolRequest(request: Request, kind: AnyImportKind, tenantId: string, mapping: string | undefined): Promise<Spool | Response> {
  try {
    return await spoolUpload(bodyChunks(request, MAX_FILE_BYTES), tenantId, mapping ?? null, kind);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    const message = `The file is larger than ${byteSize(MAX_FILE_BYTES)}; import at most ${byteSize(MAX_FILE_BYTES)} at a time (split the file). Nothing was stored.`;
    return errorResponse({ kind: 'too-large', message, fields: { file: message } });
  }
}
