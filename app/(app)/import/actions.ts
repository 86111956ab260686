'use server';
// The import's server actions: check the rows (preview), then start the import, which carries on
// in the background after the response (progress: app/api/imports/[id]). The browser sends the
// mapped cells of every row; the server checks them all again, for the user's tenant only.
import { after } from 'next/server';
import { z } from 'zod';
import { action } from '@/lib/gate';
import { MAX_ROWS } from '@/lib/imports/csv';
import { prepareImport } from '@/lib/imports/prepare-import';
import { startImport } from '@/lib/imports/run-import';
import { parseInput } from '@/lib/input/validation';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { system } from '@/lib/system/server';

const cell = z.string({ error: 'Every cell must be text' }).max(5000, { error: 'A cell is longer than 5,000 characters' });
const records = z
  .array(z.tuple([cell, cell, cell, cell, cell]), { error: 'Rows must be a list' })
  .min(1, { error: 'The file has no rows' })
  .max(MAX_ROWS, { error: `Import at most ${MAX_ROWS.toLocaleString('en-GB')} rows at a time` });

const previewInput = z.object({ records });
const startInput = z.object({ fileName: z.string().trim().min(1, { error: 'The file needs a name' }).max(255), records });

export type ImportPreview = {
  importId: string;
  rows: number;
  validRows: number;
  problems: { index: number; errors: readonly string[] }[];
};

export const previewImport = action('work-leads', async (user, input): Promise<ImportPreview> => {
  const { records: rows } = parseInput(previewInput, input);
  const { db } = system();
  const { importId, checks } = await prepareImport(db, { tenantId: user.tenantId, region: await tenantRegion(db, user.tenantId) }, rows);
  return {
    importId,
    rows: checks.length,
    validRows: checks.filter((check) => check.lead).length,
    problems: checks.filter((check) => check.errors.length > 0).map(({ index, errors }) => ({ index, errors })),
  };
});

export const runImport = action('work-leads', async (user, input) => {
  const { fileName, records: rows } = parseInput(startInput, input);
  const { db, store } = system();
  const context = { tenantId: user.tenantId, actorId: user.id, region: await tenantRegion(db, user.tenantId) };
  const started = await startImport(store, context, { fileName, records: rows });
  // Registering 10,000 rows takes a while: the browser follows along through the progress route.
  if (started.run) after(started.run);
  return { importId: started.importId, rows: started.rows, validRows: started.validRows };
});
