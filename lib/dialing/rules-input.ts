// What a manager sends to change one section of the dialing rules: the section's new value under
// its own name (so a refused field is named as the rules name it: `hours.to`,
// `dispositions.2.code`) and the version of the rules they saw. The values' own schemas are those
// of lib/dialing/rules.ts; where they carry no words of their own, the words below name the problem.
import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { toValidationError } from '@/lib/input/validation';
import { dialingRulesSchema, type DialingRules } from './rules';
import type { DialingSection } from './rules-events';

const value = dialingRulesSchema.shape;

/** Sources with their priorities, as rows: a source listed twice is refused rather than silently merged. */
const sourcePriorityRows = z
  .array(z.strictObject({ source: z.string().trim().min(1, { error: 'Name the source' }).max(100), priority: value.sourcePriorities.valueType }))
  .max(200)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    for (const [index, { source }] of rows.entries()) {
      // `__proto__` cannot be a key of the stored record.
      if (seen.has(source) || source === '__proto__') ctx.addIssue({ code: 'custom', path: [index, 'source'], message: seen.has(source) ? `${source} is listed twice` : 'Not a source name' });
      seen.add(source);
    }
  })
  .transform((rows) => Object.fromEntries(rows.map((row) => [row.source, row.priority])));

const SECTION_INPUTS: Record<DialingSection, z.ZodType> = { ...value, sourcePriorities: sourcePriorityRows };

/** Omitted, the change applies to the rules as they are (for scripts); the settings page always sends it. */
const expectedVersion = z.number().int().min(0).max(2 ** 31 - 1).optional();

/** Words for the checks the value schemas leave unworded (numbers' bounds, missing values, choices). */
const words: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a whole number';
      return issue.expected === 'boolean' ? 'Choose yes or no' : 'Required';
    case 'too_small':
      return issue.origin === 'number' ? `Must be ${issue.minimum} or more` : issue.origin === 'string' ? 'Required' : `At least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'number' ? `Must be ${issue.maximum} or less` : issue.origin === 'string' ? `At most ${issue.maximum} characters` : `At most ${issue.maximum}`;
    case 'invalid_value':
    case 'invalid_union':
      return 'Choose one of the options';
    default:
      return undefined;
  }
};

export type SectionInput<Section extends DialingSection> = { readonly expectedVersion?: number; readonly value: DialingRules[Section] };

/** The new value of `section` and the version the manager saw, or a ValidationError naming each bad field. */
export function parseSectionInput<Section extends DialingSection>(section: Section, input: unknown): SectionInput<Section> {
  const schema = z.strictObject({ expectedVersion, [section]: SECTION_INPUTS[section] } as Record<string, z.ZodType>);
  const parsed = schema.safeParse(input, { error: words });
  if (!parsed.success) throw toValidationError(parsed.error);
  const data = parsed.data as Record<string, unknown>;
  if (!(section in data)) throw new ValidationError([{ field: section, message: 'Required' }]);
  return { expectedVersion: data.expectedVersion as number | undefined, value: data[section] as DialingRules[Section] };
}
