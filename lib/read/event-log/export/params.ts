// The export's parameters, from a query string. Every one is checked; a bad one is named.
import { z } from 'zod';
import { instantText } from '@/lib/input/time';

/**
 * A date (YYYY-MM-DD, a whole UTC day: `to=2026-03-31` means up to the end of that day) or an ISO
 * date-time with its offset. An unencoded `+` in a query string arrives as a space:
 * `…T10:00:00 02:00` means +02:00.
 */
const instant = (label: string, { endOfDay }: { endOfDay: boolean }) =>
  z.string().transform((value) => value.trim().replace(/(T[\d:.]+) (\d{2}:\d{2})$/, '$1+$2')).pipe(
    instantText(`${label} must be a date (YYYY-MM-DD) or an ISO date-time with a time zone`, { zone: 'required', day: endOfDay ? 'end' : 'start' }),
  );

const flag = (name: string) => z.enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` }).transform((value) => value === 'true' || value === '1');

export const exportParamsSchema = z.strictObject(
  {
    format: z.enum(['csv', 'ndjson'], { error: 'format must be csv or ndjson' }).default('csv'),
    gzip: flag('gzip').default(false),
    /** CSV for a spreadsheet: cells it would run as formulas start with a single quote (lib/present/csv.ts). */
    spreadsheet: flag('spreadsheet').optional().meta({
      description: 'true: the CSV is for a spreadsheet, and every cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return; plain numbers such as -12 excepted) starts with a single quote. Default false: every cell exactly as stored.',
    }),
    after: z
      .string()
      .regex(/^\d{1,18}$/, { error: 'after must be a position: a whole number, 0 or more' })
      .transform((value) => BigInt(value))
      .default(0n),
    from: instant('from', { endOfDay: false }).optional(),
    to: instant('to', { endOfDay: true }).optional(),
    type: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, { error: 'type must be an event type name, such as StatusChanged' }))
      .max(50, { error: 'type: at most 50 event types' })
      .optional(),
    lead: z.uuid({ error: 'lead must be a lead id (a UUID)' }).optional(),
    actor: z.string().trim().min(1, { error: 'actor must not be empty' }).max(200, { error: 'actor is too long' }).optional(),
    tenant: z.string().min(1, { error: 'tenant must not be empty' }).max(200).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown parameter: ${issue.keys.join(', ')}` : undefined) },
);

export type ExportParams = z.output<typeof exportParamsSchema>;
export type ExportFilter = Pick<ExportParams, 'from' | 'to' | 'type' | 'lead' | 'actor'>;

export type ParamsResult = { ok: true; params: ExportParams } | { ok: false; parameter: string; message: string };

/** Reads the query string: `type` may repeat or hold a comma-separated list; empty values are absent. */
export function parseExportParams(search: URLSearchParams): ParamsResult {
  const input: Record<string, unknown> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key).filter((value) => value !== '');
    if (values.length === 0) continue;
    if (key === 'type') input.type = values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
    else if (values.length > 1) return { ok: false, parameter: key, message: `${key} is given more than once` };
    else input[key] = values[0];
  }
  const parsed = exportParamsSchema.safeParse(input);
  if (parsed.success) {
    const { from, to } = parsed.data;
    if (from && to && from >= to) return { ok: false, parameter: 'to', message: 'to must be after from' };
    if (parsed.data.spreadsheet && parsed.data.format !== 'csv') return { ok: false, parameter: 'spreadsheet', message: 'spreadsheet applies to format=csv only' };
    return { ok: true, params: parsed.data };
  }
  const issue = parsed.error.issues[0]!;
  const parameter = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? 'query');
  return { ok: false, parameter, message: issue.message };
}
