// One lead of a bulk change: its command sent through the same handler as a person's, with the
// version the user saw, and the result the batch records for it. A collision with a change made
// since is the lead's own conflict (the handler's rules); any other change is merged. An undo
// takes back only a lead still at the version the batch left it: changed since, it is skipped.
import { loadAggregate } from '@/lib/commands/aggregate';
import { numbersBlocked } from '@/lib/commands/do-not-call-effect';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { leadAggregate } from '@/lib/leads';
import { ConflictError, IllegalStateError, isDomainError, NotFoundError, ValidationError, type DomainError, type ErrorParams } from '@/lib/errors';
import { issueText } from '@/lib/present/error-text';
import type { EventStore } from '@/lib/event-store';
import { leadCommandFor, undoCommandFor, type BulkAction, type BulkTarget } from './bulk-action';
import type { BulkLeadResult } from './bulk-stream';

export async function sendLead(store: EventStore, context: CommandContext, batchId: string, action: BulkAction, target: BulkTarget, index: number): Promise<BulkLeadResult> {
  const input = leadCommandFor(batchId, action, target, index);
  const outcome = (outcome: BulkLeadResult['outcome'], reason: string, params: ErrorParams = {}): BulkLeadResult =>
    ({ leadId: target.leadId, outcome, version: null, reason, params: { ...params }, undo: null });
  const undoing = action.kind === 'undo';
  if (undoing && (await store.streamVersion(context.tenantId, target.leadId)) !== target.version) return outcome('skipped', 'bulk.changed-since');
  try {
    // Marking leads do not call puts their phones on the tenant's do-not-call list too, in the same transaction.
    const options = action.kind === 'do-not-call' ? { companions: () => leadPhonesBlocked(store, context.tenantId, target.leadId, action.reason) } : {};
    const result = await executeLeadCommand(store, context, input, options);
    if (undoing) return { leadId: target.leadId, outcome: 'done', version: result.version, reason: null, undo: null };
    // Sent before an interruption, and stored: what it wrote is read back for its undo.
    const events = result.duplicate ? await eventsOfCommand(store, context.tenantId, target, input.commandId, result.version) : result.events;
    const undo = undoCommandFor(events, 'Undo of a bulk change');
    return { leadId: target.leadId, outcome: 'done', version: result.version, reason: null, undo };
  } catch (error) {
    if (error instanceof ConflictError) {
      return outcome(undoing ? 'skipped' : 'conflicted', undoing ? 'bulk.changed-since' : 'bulk.collided', { changes: error.changes.map((change) => change.type).join(', ') });
    }
    if (isDomainError(error)) return outcome('refused', ...reasonOf(error));
    throw error;
  }
}

async function leadPhonesBlocked(store: EventStore, tenantId: string, leadId: string, reason: string) {
  const { state } = await loadAggregate(store, leadAggregate, tenantId, leadId);
  return numbersBlocked(store, tenantId, state.kind === 'registered' ? state.phones.map((phone) => phone.e164) : [], reason, 'manual');
}

async function eventsOfCommand(store: EventStore, tenantId: string, target: BulkTarget, commandId: string, version: number) {
  const events = await store.readStream(tenantId, target.leadId, { fromVersion: target.version + 1, toVersion: version });
  return events.filter((event) => event.metadata.commandId === commandId);
}

/** The code of the rule that refused the lead and its values; the edge words them (lib/present/error-text.ts). */
function reasonOf(error: DomainError): [string, ErrorParams] {
  if (error instanceof ValidationError) return ['lead.invalid', { fields: error.issues.map(issueText).join('; ') }];
  if (error instanceof IllegalStateError) return [error.code, error.details.params ?? {}];
  if (error instanceof NotFoundError) return [error.code, error.params];
  return [error.name, {}];
}
