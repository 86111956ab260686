// Erasing a person's data from a lead (docs/erasure.md), for whoever the gate let through with the
// `erase-personal-data` capability: the lead's PersonalDataErased, its key cleared, its snapshot
// and older plaintext gone, its lead-table row scrubbed, all in one statement. The async read
// models (search, duplicates) drop the lead's values when the projector reaches the event.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { handleCommand } from '@/lib/commands/handle-command';
import { parseInput } from '@/lib/input/validation';
import { LEAD_LIMITS, leadAggregate, type LeadCommand } from '@/lib/leads';
import type { System } from '@/lib/system';
import { erasureWrites } from './erasure-writes';

export type ErasureContext = { readonly tenantId: string; readonly actorId: string; readonly now?: Date };
export type ErasureOutcome = { readonly leadId: string; readonly version: number; readonly position: string; readonly duplicate: boolean };

const eraseInput = z.strictObject({
  leadId: z.uuid({ error: 'Lead id must be a UUID' }),
  reason: z
    .string({ error: 'Erasing a person\u2019s data needs a reason' })
    .trim()
    .min(1, { error: 'Erasing a person\u2019s data needs a reason' })
    .max(LEAD_LIMITS.reason, { error: `A reason has at most ${LEAD_LIMITS.reason} characters` }),
  commandId: z.string().min(8, { error: 'Command id is too short' }).max(100, { error: 'Command id is too long' }).optional(),
});
export type EraseInput = z.input<typeof eraseInput>;

export async function erasePersonalData(system: System, context: ErasureContext, input: unknown): Promise<ErasureOutcome> {
  const { leadId, reason, commandId = randomUUID() } = parseInput(eraseInput, input);
  const now = context.now ?? new Date();
  const command: LeadCommand = { type: 'ErasePersonalData', data: { reason }, metadata: { now } };
  const result = await handleCommand(system.store, leadAggregate, {
    tenantId: context.tenantId, streamId: leadId, command, commandId, actor: context.actorId, now,
  }, { writes: () => erasureWrites(system.store, context.tenantId, leadId) });
  // The key is gone from the table; this process forgets the copies it holds unwrapped too.
  system.personalData.keys.forgetAll();
  return { leadId, version: result.version, position: String(result.position), duplicate: result.duplicate };
}
