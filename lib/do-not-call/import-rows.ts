// A do-not-call list read from a CSV file: what each row becomes (its columns: import-columns.ts). Every good row is a BlockNumber command checked by the same input rules as
// a manager's own (numberChangeInput), so the preview and the import never disagree. Pure: the
// server hands in the numbers the list already holds.
import { toValidationError } from '@/lib/input/validation';
import type { Region } from '@/lib/leads/contact';
import { issueText } from '@/lib/present/error-text';
import { lineOf } from '@/lib/imports/mapping';
import { importSource } from './do-not-call';
import { numberChangeInput } from './input';

export { DNC_IMPORT_FIELDS, DNC_IMPORT_ROWS, type DncImportField } from './import-columns';

/** A row without a reason (or a file without the column) is blocked for this one. */
export const DEFAULT_IMPORT_REASON = 'On an imported do-not-call list';

/** A row ready to block: the number in E.164, as the file wrote it, and why. */
export type DncImportRow = { readonly phone: string; readonly shown: string; readonly reason: string };

/** What the list holds for a number now. */
export type ListedNumber = { readonly source: string; readonly blockedAt: string };

type Checked = { readonly index: number; readonly errors: readonly string[]; readonly row: DncImportRow | null };

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * Checks a file's rows batch by batch, in file order: `read` a batch (pure), look its numbers up in
 * the list, then `check` it. A number listed twice in the file is blocked once, from its first
 * line; a number already on the list is skipped, unless this very import put it there (an earlier
 * run of the same file, which the import resumes).
 */
export function dncRowChecker({ region, importId }: { region: Region; importId: string }) {
  const schema = numberChangeInput(region);
  const firstLineWith = new Map<string, number>();
  return {
    read(records: readonly (readonly string[])[], first: number) {
      const rows = records.map(([phone = '', reason = ''], offset): Checked => {
        const parsed = schema.safeParse({ phone, reason: reason.trim() || DEFAULT_IMPORT_REASON });
        if (!parsed.success) return { index: first + offset, errors: toValidationError(parsed.error).issues.map(issueText), row: null };
        return { index: first + offset, errors: [], row: { phone: parsed.data.phone.e164, shown: parsed.data.phone.raw, reason: parsed.data.reason } };
      });
      return { rows, phones: [...new Set(rows.flatMap((row) => (row.row ? [row.row.phone] : [])))] };
    },
    check(batch: { readonly rows: readonly Checked[] }, listed: ReadonlyMap<string, ListedNumber>): Checked[] {
      return batch.rows.map((checked) => {
        if (!checked.row) return checked;
        const { phone, shown } = checked.row;
        const line = firstLineWith.get(phone);
        if (line !== undefined) return { ...checked, errors: [`Duplicate of line ${line}: same number ${shown}`], row: null };
        const entry = listed.get(phone);
        if (entry && entry.source !== importSource(importId)) {
          return { ...checked, errors: [`${shown} is already on the do-not-call list (since ${day.format(new Date(entry.blockedAt))})`], row: null };
        }
        firstLineWith.set(phone, lineOf(checked.index));
        return checked;
      });
    },
  };
}
