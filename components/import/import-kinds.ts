// What the import pages say and where they send the file, for each kind of import. The fields come
// from the same shapes the server maps rows with (lib/imports/mapping.ts).
import { DNC_IMPORT_ROWS } from '@/lib/do-not-call/import-columns';
import type { ImportKindName } from '@/lib/imports/import-stream';
import { LEAD_ROWS, type RowShape } from '@/lib/imports/mapping';

export type ImportForm = {
  readonly shape: RowShape;
  /** The routes of this kind of import: POST it to preview, POST and GET `<api>/<id>` to import and follow. */
  readonly api: string;
  /** What the column form asks. */
  readonly legend: string;
  /** What a file holds, before its limits. */
  readonly rows: string;
};

export const IMPORT_FORMS: Record<ImportKindName, ImportForm> = {
  leads: {
    shape: LEAD_ROWS,
    api: '/api/imports',
    legend: 'Which column of the file holds each part of a lead',
    rows: 'A header row, then one lead per row. Several phones or emails in one cell are separated by \u201c;\u201d.',
  },
  'do-not-call': {
    shape: DNC_IMPORT_ROWS,
    api: '/api/do-not-call/imports',
    legend: 'Which column of the file holds the number, and which the reason',
    rows: 'A header row, then one number per row, in any format people write; a reason column is optional.',
  },
};
