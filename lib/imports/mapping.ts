// Which CSV column holds which part of a lead: guessed from the header names, changed by the user.
// Pure, shared by the browser (the mapping form) and the server (which maps every row it reads).
import { ValidationError } from '@/lib/errors';

export const IMPORT_FIELDS = ['name', 'phones', 'emails', 'source', 'ownerEmail'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  name: 'Name',
  phones: 'Phone(s)',
  emails: 'Email(s)',
  source: 'Source',
  ownerEmail: 'Owner email',
};

/** Column index per field; null when the file has no such column. */
export type ColumnMapping = Record<ImportField, number | null>;

/**
 * One row as the import reads it: the mapped cells, as typed, in IMPORT_FIELDS order. A tuple
 * rather than an object keeps 200,000 rows small in the import's spool file.
 */
export type ImportRecord = readonly [name: string, phones: string, emails: string, source: string, ownerEmail: string];

// Header names people use for each field, most specific first, compared after normaliseHeader.
// The name comes last: "Contact email" and "Lead source" hold an email and a source, not a name.
const ALIASES: Record<ImportField, readonly string[]> = {
  ownerEmail: ['owner email', 'agent email', 'owner', 'agent', 'assigned to', 'assignee'],
  emails: ['email', 'emails', 'e mail', 'email address', 'mail'],
  phones: ['phone', 'phones', 'phone number', 'telephone', 'tel', 'mobile', 'cell'],
  source: ['source', 'lead source', 'origin', 'channel', 'campaign'],
  name: ['name', 'full name', 'lead name', 'contact name', 'contact', 'customer', 'lead'],
};

function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Exact header names first, then headers containing an alias ("Work phone"); a column is used once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const names = headers.map(normaliseHeader);
  const mapping: ColumnMapping = { name: null, phones: null, emails: null, source: null, ownerEmail: null };
  const taken = new Set<number>();
  const claim = (field: ImportField, matches: (name: string, alias: string) => boolean) => {
    if (mapping[field] !== null) return;
    for (const alias of ALIASES[field]) {
      const index = names.findIndex((name, i) => !taken.has(i) && matches(name, alias));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        return;
      }
    }
  };
  const fields = Object.keys(ALIASES) as ImportField[];
  for (const field of fields) claim(field, (name, alias) => name === alias);
  for (const field of fields) claim(field, (name, alias) => ` ${name} `.includes(` ${alias} `));
  return mapping;
}

export function toRecords(rows: readonly (readonly string[])[], mapping: ColumnMapping): ImportRecord[] {
  const cell = (row: readonly string[], field: ImportField) => {
    const index = mapping[field];
    return index === null ? '' : (row[index] ?? '').trim();
  };
  return rows.map((row) => [cell(row, 'name'), cell(row, 'phones'), cell(row, 'emails'), cell(row, 'source'), cell(row, 'ownerEmail')]);
}

/** The mapping as a query parameter: each field's column in IMPORT_FIELDS order, empty for none ("0,1,,3,"). */
export const mappingParam = (mapping: ColumnMapping): string => IMPORT_FIELDS.map((field) => mapping[field] ?? '').join(',');

/** The mapping a query parameter names, each column checked against the file's; guessed when there is none. */
export function mappingFromParam(param: string | null, headers: readonly string[]): ColumnMapping {
  if (param === null) return guessMapping(headers);
  const columns = param.split(',');
  const refuse = (message: string) => new ValidationError([{ field: 'mapping', message }]);
  if (columns.length !== IMPORT_FIELDS.length) throw refuse(`mapping names a column for each of ${IMPORT_FIELDS.join(', ')}, separated by commas`);
  const mapping = {} as ColumnMapping;
  IMPORT_FIELDS.forEach((field, index) => {
    const column = columns[index]!.trim();
    if (column === '') return void (mapping[field] = null);
    if (!/^\d{1,4}$/.test(column) || Number(column) >= headers.length) {
      throw refuse(`${FIELD_LABELS[field]}: the file has no column ${column} (it has ${headers.length}, counted from 0)`);
    }
    mapping[field] = Number(column);
  });
  return mapping;
}

/** A cell may hold several phones or emails: "07911 123456; 020 7946 0000". */
export function splitValues(cell: string): string[] {
  return cell.split(/[;,|\n]/).map((value) => value.trim()).filter(Boolean);
}

/** The line a row is on in the file, as a spreadsheet or editor shows it (the header is line 1). */
export const lineOf = (rowIndex: number) => rowIndex + 2;
