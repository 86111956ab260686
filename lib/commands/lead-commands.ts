// Carries out one lead command for a user of a tenant: checks the input, then hands it to the
// generic command handler with the Lead aggregate.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppendResult, EventStore, StreamAppend } from '@/lib/event-store';
import { fieldError, parseInput } from '@/lib/input/validation';
import { isDomainError } from '@/lib/errors';
import { dialingContextFor, type DialingSources } from '@/lib/dialing/context';
import type { Assigner } from './assignment';
import { numberBlockedByCall } from './do-not-call-effect';
import type { DialingContext } from '@/lib/leads/dialing';
import { leadAggregate, type Lead, type LeadCommand, type LeadEvent } from '@/lib/leads';
import type { Region } from '@/lib/leads/contact';
import { parseLeadCommand } from '@/lib/leads/schemas';
import { decideNewStream, handleCommand, type CommandResult, type HandlerOptions, type NewStreamStep } from './handle-command';

export type CommandContext = {
  readonly tenantId: string;
  /** The user (or API token) carrying out the command; recorded as the events' actor. */
  readonly actorId: string;
  readonly region: Region;
  readonly now?: Date;
  /** Where the dialing rules come from: needed by the commands of the dialing loop. */
  readonly dialing?: DialingSources;
  /** Who a new lead without an owner goes to, by its source's assignment rule. */
  readonly assign?: Assigner;
};

/** The commands whose decision needs the tenant's dialing rules as they apply to the lead. */
const DIALING_COMMANDS = new Set<string>(['RecordCallOutcome', 'ClaimLead']);

export const commandEnvelopeSchema = z.object({
  leadId: z.uuid({ error: 'Lead id must be a UUID' }).optional(),
  commandId: z.string({ error: 'Command id must be text' }).min(8, { error: 'Command id is too short' }).max(100, { error: 'Command id is too long' }).optional(),
  expectedVersion: z.number({ error: 'Expected version must be a number' }).int({ error: 'Expected version must be a whole number' }).min(0, { error: 'Expected version must be 0 or more' }).optional(),
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
  const { envelope, options: own } = await leadCommandOf(store, context, input);
  // The command's own effects (a call's) come first; a caller's (a bulk do-not-call's) otherwise.
  return handleCommand(store, leadAggregate, envelope, { ...options, prepare: own?.prepare ?? options?.prepare, companions: own?.companions ?? options?.companions });
}

/**
 * New leads, each with its whole history of commands (inputs as executeLeadCommand takes them, the
 * first a RegisterLead), every command decided as executeLeadCommand would decide it, and all the
 * leads appended in one statement: all of them or none. For imports and the demo data.
 */
export async function executeNewLeads(
  store: EventStore,
  leads: readonly (readonly { context: CommandContext; input: unknown }[])[],
  { onRefused }: { onRefused?: (index: number, error: Error) => void } = {},
): Promise<AppendResult[]> {
  const parts: StreamAppend[] = [];
  for (const [index, history] of leads.entries()) {
    try {
      const steps = [];
      for (const { context, input } of history) steps.push(await leadCommandOf(store, context, input));
      const first = steps[0]!.envelope;
      parts.push({
        stream: { tenantId: first.tenantId, streamId: first.streamId, streamType: leadAggregate.streamType },
        events: await decideNewStream(leadAggregate, steps),
        expectedVersion: 'no_stream',
        commandId: first.commandId,
      });
    } catch (error) {
      // A lead the domain's rules refuse is left out when the caller takes refusals (an import's row).
      if (!onRefused || !isDomainError(error)) throw error;
      onRefused(index, error);
    }
  }
  return store.appendStreams(parts);
}

/** The envelope and options the handler takes, from a client's input: checked, assigned, with what its decision needs. */
async function leadCommandOf(store: EventStore, context: CommandContext, input: unknown): Promise<NewStreamStep<LeadCommand>> {
  const now = context.now ?? new Date();
  const outer = parseInput(commandEnvelopeSchema, input);
  let command = parseLeadCommand(input, { region: context.region, now });
  const leadId = command.type === 'RegisterLead' ? command.data.leadId : outer.leadId;
  if (!leadId) throw fieldError('leadId', 'Lead id is required');

  if (command.type === 'RegisterLead' && command.data.ownerId === null && context.assign) {
    const assignment = await context.assign(context.tenantId, command.data.source);
    if (assignment) command = { ...command, metadata: { ...command.metadata, assignment } };
  }
  const sources = context.dialing;
  if (DIALING_COMMANDS.has(command.type) && !sources) throw new Error(`${command.type} needs the dialing rules: pass them on the command context`);
  // The rules as they applied to the lead at the attempt that is appended (prepare runs on each).
  let dialing: DialingContext | undefined;
  const prepare = sources && DIALING_COMMANDS.has(command.type)
    ? async (pending: LeadCommand, state: Lead) => {
      if (state.kind !== 'registered') return pending;
      dialing = await dialingContextFor(sources, context.tenantId, state);
      return { ...pending, metadata: { ...pending.metadata, dialing } };
    }
    : undefined;
  const companions = command.type === 'RecordCallOutcome'
    ? (events: readonly { type: string; data: unknown }[]) => numberBlockedByCall(store, context.tenantId, dialing?.dispositions ?? [], events)
    : undefined;
  return {
    envelope: {
      tenantId: context.tenantId,
      streamId: leadId,
      command,
      expectedVersion: command.type === 'RegisterLead' ? undefined : outer.expectedVersion,
      commandId: outer.commandId ?? randomUUID(),
      actor: context.actorId,
      correlationId: outer.correlationId,
      now,
    },
    options: { prepare, companions },
  };
}
