// Where each of the server's field errors goes on the new lead form. Pure.
import type { ActionError } from '@/lib/gate/result';

const FORM_FIELDS = ['name', 'phones', 'emails', 'source', 'ownerId'] as const;
type FormField = (typeof FORM_FIELDS)[number];

export type PlacedErrors = {
  readonly fields: Partial<Record<FormField, string>>;
  /** By row key. */
  readonly phones: Record<string, string>;
  readonly emails: Record<string, string>;
  /** Messages no field shows: said at the top of the form. */
  readonly unplaced: string[];
};

/** `sentPhones[i]` is the row that went out as "phones.i". */
export function placeErrors(error: ActionError | null, sentPhones: readonly { key: string }[], sentEmails: readonly { key: string }[]): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, phones: {}, emails: {}, unplaced: [] };
  if (!error) return placed;
  if (!error.fields) {
    placed.unplaced.push(error.message);
    return placed;
  }
  for (const [field, message] of Object.entries(error.fields)) {
    const [head, index, ...rest] = field.split('.');
    const rows = head === 'phones' ? sentPhones : head === 'emails' ? sentEmails : null;
    const row = rows && index !== undefined && rest.length === 0 ? rows[Number(index)] : undefined;
    if (row) placed[head as 'phones' | 'emails'][row.key] = message;
    else if ((FORM_FIELDS as readonly string[]).includes(field)) placed.fields[field as FormField] = message;
    else placed.unplaced.push(message);
  }
  return placed;
}
