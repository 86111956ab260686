// Input checked against a Zod schema: the parsed value, or a ValidationError naming each bad field.
// The one way every entry point (commands, forms, tokens, imports) turns a schema's refusal into the
// error the edge shows next to its field.
import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '@/lib/errors';
import { NUL_MESSAGE, nulPath } from './nul';

export function toValidationError(error: z.ZodError): ValidationError {
  return new ValidationError(error.issues.flatMap(toFieldIssues));
}

function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const path = issue.path.map(String);
  // An unexpected field is reported against its own name, so a form can show it where it is.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: `Unknown field "${key}"` }));
  }
  return [{ field: path.join('.') || 'input', message: issue.message }];
}

/** The schema's output for `input`, or a thrown ValidationError. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const withNul = nulPath(input);
  if (withNul !== null) throw fieldError(withNul || 'input', `${withNul || 'The input'} ${NUL_MESSAGE}`);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  return parsed.data;
}

/** One field refused by an input check of the edge's own, worded as a schema would word it. */
export const fieldError = (field: string, message: string) => new ValidationError([{ field, message }]);
