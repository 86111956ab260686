// Carries out one lead command for a user of a tenant: checks the input, then hands it to the
// generic command handler with the Lead decider.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventStore } from '@/lib/event-store';
import { LEAD_STREAM_TYPE, leadDecider, type LeadCommand, type LeadEvent } from '@/lib/leads';
import type { Region } from '@/lib/leads/contact';
import { parseLeadCommand, toValidationError } from '@/lib/leads/schemas';
import { handleCommand, type CommandResult, type HandlerOptions } from './handle-command';

export type CommandContext = {
  readonly tenantId: string;
  /** The user carrying out the command; recorded as the events' actor. */
  readonly actorId: string;
  readonly region: Region;
  readonly now?: Date;
};

const envelope = z.object({
  leadId: z.uuid({ error: 'Lead id must be a UUID' }).optional(),
  commandId: z.string({ error: 'Command id must be text' }).min(8, { error: 'Command id is too short' }).max(100).optional(),
  expectedVersion: z.number({ error: 'Expected version must be a number' }).int().min(0).optional(),
  correlationId: z.string().max(100).optional(),
});

/**
 * Input: `{ type, data, leadId?, commandId?, expectedVersion? }` as a client sends it. RegisterLead
 * carries its id in `data.leadId`; every other command names its lead in `leadId`.
 */
export async function executeLeadCommand(
  store: EventStore,
  context: CommandContext,
  input: unknown,
  options?: HandlerOptions,
): Promise<CommandResult<LeadEvent>> {
  const now = context.now ?? new Date();
  const outer = envelope.safeParse(input);
  if (!outer.success) throw toValidationError(outer.error);
  const command = parseLeadCommand(input, { region: context.region, now });
  const leadId = command.type === 'RegisterLead' ? command.data.leadId : outer.data.leadId;
  if (!leadId) throw toValidationError(new z.ZodError([{ code: 'custom', path: ['leadId'], message: 'Lead id is required', input }]));

  return handleCommand<LeadCommand, LeadEvent, ReturnType<typeof leadDecider.initialState>>(
    store,
    leadDecider,
    {
      stream: { tenantId: context.tenantId, streamId: leadId, streamType: LEAD_STREAM_TYPE },
      command,
      expectedVersion: command.type === 'RegisterLead' ? undefined : outer.data.expectedVersion,
      commandId: outer.data.commandId ?? randomUUID(),
      actor: context.actorId,
      correlationId: outer.data.correlationId,
      now,
    },
    options,
  );
}
