// The command API's own shapes: what the body's envelope may hold, the Idempotency-Key, and the
// answer. The command's data is checked by the lead's own schemas (lib/leads/schemas.ts).
import { z } from 'zod';
import { LEAD_COMMAND_TYPES } from '@/lib/leads/schemas';

/** The request body. `data` is checked against the schema of the command `type` names. */
export const commandRequestEnvelope = z.strictObject({
  type: z.enum(LEAD_COMMAND_TYPES, { error: `Type must be one of ${LEAD_COMMAND_TYPES.join(', ')}` }),
  leadId: z.string().optional(),
  expectedVersion: z.unknown().optional(),
  data: z.unknown().optional(),
});

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

/**
 * The largest body the command API reads (bytes). The largest command within the lead's limits, a
 * note of 5,000 characters each written as a \u escape, is about 30 KB.
 */
export const COMMAND_BODY_LIMIT = 64 * 1024;

export const commandAccepted = z.object({
  leadId: z.uuid(),
  version: z.number().int().meta({ description: 'The lead\u2019s version after the command: send it as the next expected version.' }),
  position: z.string().meta({ description: 'Global position of the last event written (a bigint, as text): export `after` it to fetch only later events.' }),
  duplicate: z.boolean().meta({ description: 'The Idempotency-Key had been used before: this is the first result, nothing was written again.' }),
  merged: z.boolean().meta({ description: 'The expected version was behind, and the command did not collide with what changed meanwhile: it was applied on top.' }),
}).meta({ id: 'CommandAccepted' });

