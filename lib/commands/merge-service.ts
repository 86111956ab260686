// Merging two leads and undoing a merge: one command on the survivor's stream, with the other lead's
// stream written in the same append (a companion of the command). A merge is decided on the versions
// of both leads the manager saw: a change to either since is refused with what changed.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventStore, StreamRef } from '@/lib/event-store';
import { IllegalStateError } from '@/lib/errors';
import { parseInput } from '@/lib/input/validation';
import { LEAD_STATUSES, leadAggregate, type Lead, type LeadCommand, type LeadEvent } from '@/lib/leads';
import { loadAggregate } from './aggregate';
import { handleCommand, refuseUnseenChanges, type CommandResult } from './handle-command';

export type MergeContext = { readonly tenantId: string; readonly actorId: string; readonly now?: Date };

const version = z.number({ error: 'Version must be a number' }).int().min(1, { error: 'Version must be 1 or more' });
const commandId = z.string().min(8, { error: 'Command id is too short' }).max(100, { error: 'Command id is too long' }).optional();

const mergeInput = z.strictObject({
  survivorId: z.uuid({ error: 'Lead id must be a UUID' }),
  leadId: z.uuid({ error: 'Lead id must be a UUID' }),
  survivorVersion: version,
  leadVersion: version,
  commandId,
  choices: z.strictObject({
    name: z.string({ error: 'Choose a name' }),
    phones: z.array(z.string()).default([]),
    emails: z.array(z.string()).default([]),
    ownerId: z.string().nullable().default(null),
    status: z.enum(LEAD_STATUSES, { error: 'Choose a status' }),
    followUpAt: z.iso.datetime({ offset: true, error: 'Follow-up must be a date and time' }).nullable().default(null),
  }),
});
export type MergeInput = z.input<typeof mergeInput>;

const unmergeInput = z.strictObject({ survivorId: z.uuid({ error: 'Lead id must be a UUID' }), mergeId: z.string().min(1), commandId });

const leadStream = (tenantId: string, streamId: string): StreamRef => ({ tenantId, streamId, streamType: leadAggregate.streamType });

/** The survivor takes in the other lead: its chosen values, and the other lead's whole record. */
export async function mergeLeads(store: EventStore, context: MergeContext, input: unknown): Promise<CommandResult<LeadEvent>> {
  const { survivorId, leadId, survivorVersion, leadVersion, choices, commandId: id = randomUUID() } = parseInput(mergeInput, input);
  const now = context.now ?? new Date();
  const followUpAt = choices.followUpAt === null ? null : new Date(choices.followUpAt).toISOString();
  // The merge is known by its command's id: the same request sent again is the same merge.
  const command: LeadCommand = { type: 'MergeLead', data: { mergeId: id, leadId, choices: { ...choices, followUpAt } }, metadata: { now } };
  let absorbedVersion = 0;
  return handleCommand(store, leadAggregate, envelopeOf(context, survivorId, command, survivorVersion, id, now), {
    prepare: async (pending: LeadCommand) => {
      const absorbed = await loadAggregate(store, leadAggregate, context.tenantId, leadId);
      await refuseUnseenChanges(store, context.tenantId, leadId, leadVersion, absorbed.version);
      absorbedVersion = absorbed.version;
      return { ...pending, metadata: { ...pending.metadata, absorbed: absorbed.state } };
    },
    companions: async (events) => {
      const absorbed = events.find((event): event is Extract<LeadEvent, { type: 'LeadAbsorbed' }> => event.type === 'LeadAbsorbed')!;
      const survivorName = absorbed.data.before.name;
      const merged: LeadEvent = { type: 'LeadMergedInto', data: { mergeId: absorbed.data.mergeId, survivorId, survivorName } };
      return [{ stream: leadStream(context.tenantId, leadId), events: [merged], expectedVersion: absorbedVersion }];
    },
  });
}

/** The survivor gives back the lead its latest merge took in; that lead is its own again. */
export async function unmergeLead(store: EventStore, context: MergeContext, input: unknown): Promise<CommandResult<LeadEvent>> {
  const { survivorId, mergeId, commandId: id } = parseInput(unmergeInput, input);
  const now = context.now ?? new Date();
  const command: LeadCommand = { type: 'UnmergeLead', data: { mergeId }, metadata: { now } };
  return handleCommand(store, leadAggregate, envelopeOf(context, survivorId, command, undefined, id, now), {
    companions: async (events) => {
      const undone = events.find((event): event is Extract<LeadEvent, { type: 'MergeUndone' }> => event.type === 'MergeUndone')!;
      const merged = await loadAggregate(store, leadAggregate, context.tenantId, undone.data.leadId);
      const state: Lead = merged.state;
      if (state.kind !== 'registered' || state.mergedInto?.mergeId !== mergeId) throw new IllegalStateError('merge.cannot-undo', { field: 'mergeId' });
      const unmerged: LeadEvent = { type: 'LeadUnmerged', data: { mergeId, survivorId, status: state.status } };
      return [{ stream: leadStream(context.tenantId, undone.data.leadId), events: [unmerged], expectedVersion: merged.version }];
    },
  });
}

function envelopeOf(context: MergeContext, streamId: string, command: LeadCommand, expectedVersion: number | undefined, commandId: string | undefined, now: Date) {
  return { tenantId: context.tenantId, streamId, command, expectedVersion, commandId: commandId ?? randomUUID(), actor: context.actorId, now };
}
