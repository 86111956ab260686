// The columns of a do-not-call file: the number, and the reason if the file has one. Apart from the
// row checks (import-rows.ts) so the browser's column form can read it without the phone parser.
import type { RowShape } from '@/lib/imports/mapping';

export const DNC_IMPORT_FIELDS = ['phone', 'reason'] as const;
export type DncImportField = (typeof DNC_IMPORT_FIELDS)[number];

export const DNC_IMPORT_ROWS: RowShape<DncImportField> = {
  fields: DNC_IMPORT_FIELDS,
  labels: { phone: 'Phone number', reason: 'Reason' },
  aliases: {
    phone: ['phone', 'phone number', 'number', 'telephone', 'tel', 'mobile', 'cell', 'msisdn', 'e164'],
    reason: ['reason', 'why', 'comment', 'comments', 'note', 'notes'],
  },
};
