// What an admin sends to register or change a webhook endpoint, to act on one, and to replay its
// deliveries. A URL must be an absolute http or https address; the filter names at least one event type.
import { z } from 'zod';
import { LEAD_STATUSES } from '@/lib/leads/values';
import { WEBHOOK_EVENT_TYPES } from './filter';

export const WEBHOOK_DESCRIPTION_MAX = 200;
export const WEBHOOK_URL_MAX = 2_000;

const endpointId = z.uuid({ error: 'Endpoint is required' });

/** The first thing wrong with a URL, or null. */
function urlProblem(value: string): string | null {
  if (!URL.canParse(value)) return 'Enter a full URL, such as https://example.com/hooks';
  const parsed = new URL(value);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'The URL must start with http:// or https://';
  if (parsed.username !== '' || parsed.password !== '') return 'Put no user name or password in the URL';
  return null;
}

const url = z
  .string({ error: 'URL is required' })
  .trim()
  .min(1, { error: 'URL is required' })
  .max(WEBHOOK_URL_MAX, { error: `The URL must be at most ${WEBHOOK_URL_MAX} characters` })
  .superRefine((value, ctx) => {
    const problem = value === '' ? null : urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const settings = {
  url,
  description: z.string({ error: 'Description is required' }).trim().max(WEBHOOK_DESCRIPTION_MAX, { error: `The description must be at most ${WEBHOOK_DESCRIPTION_MAX} characters` }).default(''),
  types: z.array(z.enum(WEBHOOK_EVENT_TYPES, { error: 'Choose event types from the list' }), { error: 'Choose at least one event type' }).min(1, { error: 'Choose at least one event type' }),
  status: z.enum(LEAD_STATUSES, { error: 'Choose a status from the list' }).nullable().default(null),
};

export const endpointSettingsInput = z.strictObject({ endpointId, ...settings });

export const endpointIdInput = z.strictObject({ endpointId });

/** A log position, as the delivery log shows it. */
export const replayInput = z.strictObject({ endpointId, fromPosition: z.string().regex(/^[1-9][0-9]{0,18}$/, { error: 'Choose a delivery to replay from' }) });
