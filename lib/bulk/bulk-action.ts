// What a bulk change does to each lead it selected: one lead command each, as a person would send
// it on the lead's page, with the version the user saw as its expected version. Pure: the ids a
// command needs (its command id, a note's id) are derived from the batch and the lead, so sending
// a lead's command again (a resume) is the same command, and the store's idempotency skips it.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { uuidFromDigest } from '@/lib/imports/import-ids';
import { instantField } from '@/lib/input/time';
import { parseInput } from '@/lib/input/validation';
import { ValidationError } from '@/lib/errors';
import { LEAD_LIMITS, LEAD_STATUSES } from '@/lib/leads/values';

/** The most leads one bulk change takes. */
export const MAX_BULK_LEADS = 100_000;

/** The lead command a bulk change sends for one lead: `{ type, data }` as a client sends it. */
export type LeadCommandInput = { readonly type: string; readonly data: Readonly<Record<string, unknown>> };

const text = (label: string, max: number) =>
  z.string({ error: `${label} is required` }).trim().min(1, { error: `${label} is required` }).max(max, { error: `${label} must be at most ${max} characters` });

const userId = z.string({ error: 'Choose an agent' }).min(1, { error: 'Choose an agent' }).max(200, { error: 'Choose an agent' });
const instant = (label: string) => instantField(`${label} must be a date and time`).transform((at) => at.toISOString());

/** The changes a person can make to many leads at once; `undo` is a batch that takes another back. */
const actionSchemas = z.discriminatedUnion('kind', [
  /** One owner for every lead, or (several) the leads dealt out in turn, round-robin. */
  z.strictObject({ kind: z.literal('assign'), ownerIds: z.array(userId).min(1, { error: 'Choose at least one agent' }).max(100, { error: 'Choose at most 100 agents' }) }),
  z.strictObject({
    kind: z.literal('status'),
    status: z.enum(LEAD_STATUSES, { error: `Status must be one of ${LEAD_STATUSES.join(', ')}` }),
    followUpAt: instant('Follow-up date').nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('set-callback'), at: instant('Callback time') }),
  z.strictObject({ kind: z.literal('clear-callback') }),
  z.strictObject({ kind: z.literal('do-not-call'), reason: text('Reason', LEAD_LIMITS.reason) }),
  z.strictObject({ kind: z.literal('note'), text: text('Note', LEAD_LIMITS.note) }),
  z.strictObject({ kind: z.literal('undo'), of: z.uuid() }),
], { error: 'Choose what to change' });

export type BulkAction = z.output<typeof actionSchemas>;
export type BulkActionKind = BulkAction['kind'];

/**
 * A bulk action as a person chose it, checked before anything is stored: each bad field named.
 * A callback must be in the future; a follow-up comes with the FollowUp status and no other.
 */
export function parseBulkAction(input: unknown, now: Date): BulkAction {
  const action = parseInput(actionSchemas, input);
  const future = (field: string, at: string | null) => {
    if (at !== null && new Date(at).getTime() <= now.getTime()) throw new ValidationError([{ field, code: 'follow-up.past' }]);
  };
  if (action.kind === 'set-callback') future('at', action.at);
  if (action.kind === 'status') {
    if (action.status === 'FollowUp' && action.followUpAt === null) throw new ValidationError([{ field: 'followUpAt', code: 'follow-up.required' }]);
    if (action.status !== 'FollowUp' && action.followUpAt !== null) throw new ValidationError([{ field: 'followUpAt', code: 'follow-up.only-with-status' }]);
    future('followUpAt', action.followUpAt);
  }
  return action;
}

/** A lead a bulk change selected: its id, the version the user saw, and (an undo's) the command that takes the change back. */
export type BulkTarget = { readonly leadId: string; readonly version: number; readonly undo?: LeadCommandInput };

/** The id of the lead's command in this batch: the same on every run of the batch. */
export const bulkCommandId = (batchId: string, leadId: string) => `bulk-${batchId}-${leadId}`;

/** The command the batch sends for its `index`th lead, as executeLeadCommand takes it. */
export function leadCommandFor(batchId: string, action: BulkAction, target: BulkTarget, index: number) {
  return { ...commandOf(batchId, action, target, index), leadId: target.leadId, commandId: bulkCommandId(batchId, target.leadId), expectedVersion: target.version };
}

function commandOf(batchId: string, action: BulkAction, target: BulkTarget, index: number): LeadCommandInput {
  switch (action.kind) {
    case 'assign':
      return { type: 'AssignLead', data: { ownerId: action.ownerIds[index % action.ownerIds.length]! } };
    case 'status':
      return { type: 'ChangeStatus', data: { status: action.status, followUpAt: action.followUpAt } };
    case 'set-callback':
      return { type: 'SetFollowUp', data: { at: action.at } };
    case 'clear-callback':
      return { type: 'ClearFollowUp', data: {} };
    case 'do-not-call':
      return { type: 'RequestDoNotCall', data: { reason: action.reason } };
    case 'note': {
      const digest = createHash('sha256').update(`note\u0000${batchId}\u0000${target.leadId}`).digest('hex');
      return { type: 'AddNote', data: { noteId: uuidFromDigest(digest), text: action.text } };
    }
    case 'undo':
      if (!target.undo) throw new Error(`Lead ${target.leadId} of an undo has no command to undo with`);
      return target.undo;
    default: {
      const unknownAction: never = action;
      throw new Error(`Unknown bulk action ${(unknownAction as { kind: string }).kind}`);
    }
  }
}

type DecidedEvent = { readonly type: string; readonly data: unknown };

/**
 * The command that takes back what a lead's command of the batch did, from the events it wrote;
 * null when nothing can (a note stays: the record only grows). A status moves back to the one
 * before (with the callback it had, when that was FollowUp); an owner, a callback and a
 * do-not-call wish are put back as they were.
 */
export function undoCommandFor(events: readonly DecidedEvent[], reason: string): LeadCommandInput | null {
  const find = <Data>(type: string) => events.find((event) => event.type === type)?.data as Data | undefined;
  const status = find<{ from: string }>('StatusChanged');
  const cleared = find<{ previousAt: string }>('FollowUpCleared');
  const scheduled = find<{ previousAt: string | null }>('FollowUpScheduled');
  const assigned = find<{ previousOwnerId: string | null }>('LeadAssigned');
  if (status) return { type: 'ChangeStatus', data: { status: status.from, followUpAt: status.from === 'FollowUp' ? (cleared?.previousAt ?? null) : null } };
  if (assigned) return { type: 'AssignLead', data: { ownerId: assigned.previousOwnerId } };
  if (scheduled) return scheduled.previousAt ? { type: 'SetFollowUp', data: { at: scheduled.previousAt } } : { type: 'ClearFollowUp', data: {} };
  if (cleared) return { type: 'SetFollowUp', data: { at: cleared.previousAt } };
  if (find('DoNotCallRequested')) return { type: 'LiftDoNotCall', data: { reason } };
  return null;
}
