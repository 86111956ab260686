// Which CSV column holds which part of a row: guessed from the header names, changed by the user.
// Pure, shared by the browser (the mapping form) and the server (which maps every row it reads).
// Each kind of import (leads, the do-not-call list) names its fields in a RowShape; leads are the
// default, so the lead import reads as it always has.
import { ValidationError } from '@/lib/errors';

/** The fields a kind of import reads from each row, with the words and header names for each. */
export type RowShape<Field extends string = string> = {
  /** In record order: each row becomes a tuple of these cells. */
  readonly fields: readonly Field[];
  readonly labels: Readonly<Record<Field, string>>;
  /** Header names people use for each field, most specific first; fields claim columns in this object's key order. */
  readonly aliases: Readonly<Record<Field, readonly string[]>>;
};

/** One row as mapped: the cells of a shape's fields, in its order. */
export type MappedRecord = readonly string[];

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
export type ColumnMapping<Field extends string = ImportField> = Record<Field, number | null>;

/**
 * One row as the import reads it: the mapped cells, as typed, in IMPORT_FIELDS order. A tuple
 * rather than an object keeps a million rows small in the import's spool file.
 */
export type ImportRecord = readonly [name: string, phones: string, emails: string, source: string, ownerEmail: string];

// Compared after normaliseHeader. The name comes last: "Contact email" and "Lead source" hold an
// email and a source, not a name.
const LEAD_ALIASES: Record<ImportField, readonly string[]> = {
  ownerEmail: ['owner email', 'agent email', 'owner', 'agent', 'assigned to', 'assignee'],
  emails: ['email', 'emails', 'e mail', 'email address', 'mail'],
  phones: ['phone', 'phones', 'phone number', 'telephone', 'tel', 'mobile', 'cell'],
  source: ['source', 'lead source', 'origin', 'channel', 'campaign'],
  name: ['name', 'full name', 'lead name', 'contact name', 'contact', 'customer', 'lead'],
};

/** A lead list: the default shape. */
export const LEAD_ROWS: RowShape<ImportField> = { fields: IMPORT_FIELDS, labels: FIELD_LABELS, aliases: LEAD_ALIASES };
// Lead rows are what a shape defaults to below; any other kind passes its own.
const leads = <Field extends string>() => LEAD_ROWS as unknown as RowShape<Field>;

function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Exact header names first, then headers containing an alias ("Work phone"); a column is used once. */
export function guessMapping<Field extends string = ImportField>(headers: readonly string[], shape: RowShape<Field> = leads()): ColumnMapping<Field> {
  const names = headers.map(normaliseHeader);
  const mapping = Object.fromEntries(shape.fields.map((field) => [field, null])) as ColumnMapping<Field>;
  const taken = new Set<number>();
  const claim = (field: Field, matches: (name: string, alias: string) => boolean) => {
    if (mapping[field] !== null) return;
    for (const alias of shape.aliases[field]) {
      const index = names.findIndex((name, i) => !taken.has(i) && matches(name, alias));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        return;
      }
    }
  };
  const fields = Object.keys(shape.aliases) as Field[];
  for (const field of fields) claim(field, (name, alias) => name === alias);
  for (const field of fields) claim(field, (name, alias) => ` ${name} `.includes(` ${alias} `));
  return mapping;
}

/** The rows' cells of each field of the shape, trimmed, in the shape's field order. */
export function toRecords(rows: readonly (readonly string[])[], mapping: ColumnMapping, shape?: RowShape<ImportField>): ImportRecord[];
export function toRecords<Field extends string>(rows: readonly (readonly string[])[], mapping: ColumnMapping<Field>, shape: RowShape<Field>): MappedRecord[];
export function toRecords<Field extends string>(rows: readonly (readonly string[])[], mapping: ColumnMapping<Field>, shape: RowShape<Field> = leads()): MappedRecord[] {
  const cell = (row: readonly string[], field: Field) => {
    const index = mapping[field];
    return index === null ? '' : (row[index] ?? '').trim();
  };
  return rows.map((row) => shape.fields.map((field) => cell(row, field)));
}

/** The mapping as a query parameter: each field's column in the shape's order, empty for none ("0,1,,3,"). */
export const mappingParam = <Field extends string = ImportField>(mapping: ColumnMapping<Field>, shape: RowShape<Field> = leads()): string =>
  shape.fields.map((field) => mapping[field] ?? '').join(',');

/** The mapping a query parameter names, each column checked against the file's; guessed when there is none. */
export function mappingFromParam<Field extends string = ImportField>(param: string | null, headers: readonly string[], shape: RowShape<Field> = leads()): ColumnMapping<Field> {
  if (param === null) return guessMapping(headers, shape);
  const columns = param.split(',');
  const refuse = (message: string) => new ValidationError([{ field: 'mapping', message }]);
  if (columns.length !== shape.fields.length) throw refuse(`mapping names a column for each of ${shape.fields.join(', ')}, separated by commas`);
  const mapping = {} as ColumnMapping<Field>;
  shape.fields.forEach((field, index) => {
    const column = columns[index]!.trim();
    if (column === '') return void (mapping[field] = null);
    if (!/^\d{1,4}$/.test(column) || Number(column) >= headers.length) {
      throw refuse(`${shape.labels[field]}: the file has no column ${column} (it has ${headers.length}, counted from 0)`);
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
