// Runs a bulk change in the background, as imports run (lib/imports/run-import.ts, lib/background):
// the batch's start is recorded with every lead it selected, then the leads are sent a chunk at a
// time, a few at once, and each chunk's results recorded on the batch's stream. A batch cut off by
// a restart shows as interrupted; resuming sends only the leads with no result yet, and a lead sent
// just before the cut comes back from the store as a duplicate (its command id is fixed by the
// batch and the lead), so nothing is applied twice.
import { randomUUID } from 'node:crypto';
import { liveRuns, runBounded } from '@/lib/background/work';
import { handleCommand } from '@/lib/commands/handle-command';
import type { CommandContext } from '@/lib/commands/lead-commands';
import { fieldError } from '@/lib/input/validation';
import { IllegalStateError, NotFoundError, ValidationError } from '@/lib/errors';
import type { EventStore, StoredEvent } from '@/lib/event-store';
import { assignableUsers } from '@/lib/read/organisation/users';
import { bulkAggregate } from './aggregate';
import { MAX_BULK_LEADS, type BulkAction, type BulkTarget } from './bulk-action';
import { foldBulk, pendingTargets, undoTargets, type BulkRun } from './bulk-run';
import { BULK_STREAM_TYPE, type BulkCommand, type BulkLeadResult } from './bulk-stream';
import { sendLead } from './send-lead';

export type BulkOptions = { readonly concurrency?: number; readonly chunk?: number };
export type StartedBulk = { readonly batchId: string; readonly leads: number; readonly run: (() => Promise<void>) | null };

/** Leads sent per recorded chunk: the progress moves every chunk, and a resume repeats at most one. */
const LEADS_PER_CHUNK = 100;

/** Batches running in this process. */
const running = liveRuns<true>('leadstreamBulkRuns');
const runKey = (tenantId: string, batchId: string) => `${tenantId}/${batchId}`;

export const isBulkRunning = (tenantId: string, batchId: string) => running.has(runKey(tenantId, batchId));

/**
 * Starts a bulk change of the leads the user selected, at the versions they saw: bad input (no
 * leads, too many, an agent who cannot own leads) is refused naming the field, and nothing is stored.
 */
export async function startBulkChange(
  store: EventStore,
  context: CommandContext,
  input: { readonly action: BulkAction; readonly targets: readonly BulkTarget[]; readonly filter: string | null },
  options: BulkOptions = {},
): Promise<StartedBulk> {
  const { action, targets } = input;
  if (targets.length === 0) throw fieldError('leads', 'Select at least one lead');
  if (targets.length > MAX_BULK_LEADS) throw fieldError('leads', `Select at most ${MAX_BULK_LEADS.toLocaleString('en-GB')} leads at a time`);
  if (new Set(targets.map((target) => target.leadId)).size !== targets.length) throw fieldError('leads', 'A lead is selected twice');
  if (action.kind === 'assign') {
    const owners = new Set((await assignableUsers(store.db, context.tenantId)).map((user) => user.id));
    const unknown = action.ownerIds.findIndex((id) => !owners.has(id));
    if (unknown >= 0) throw new ValidationError([{ field: `ownerIds.${unknown}`, code: 'owner.not-assignable' }]);
  }
  const batchId = randomUUID();
  await recordBulk(store, context, batchId, { type: 'StartBulkChange', data: { action, filter: input.filter, by: context.actorId, leads: [...targets] } });
  return { batchId, leads: targets.length, run: runFor(store, context, batchId, options) };
}

/** Carries on with a batch cut off by a restart (or stopped by an error); null run when it is running here already. */
export async function resumeBulkChange(store: EventStore, context: CommandContext, batchId: string, options: BulkOptions = {}): Promise<StartedBulk> {
  const { run, version } = await loadBulk(store, context.tenantId, batchId);
  if (run.state === 'finished') throw new IllegalStateError('bulk.finished');
  if (isBulkRunning(context.tenantId, batchId)) return { batchId, leads: run.total, run: null };
  await recordBulk(store, context, batchId, { type: 'ResumeBulkChange', data: { by: context.actorId } }, version);
  return { batchId, leads: run.total, run: runFor(store, context, batchId, options) };
}

/** Starts the batch that takes back a finished batch's changes, lead by lead, where each is still the latest. */
export async function undoBulkChange(store: EventStore, context: CommandContext, batchId: string, options: BulkOptions = {}): Promise<StartedBulk> {
  const { run } = await loadBulk(store, context.tenantId, batchId);
  if (run.state !== 'finished') throw new IllegalStateError('bulk.undo-unfinished');
  if (run.action.kind === 'undo') throw new IllegalStateError('bulk.undo-of-undo');
  const targets = undoTargets(run);
  if (targets.length === 0) throw new IllegalStateError('bulk.nothing-to-undo');
  return startBulkChange(store, context, { action: { kind: 'undo', of: batchId }, targets, filter: null }, options);
}

export async function loadBulk(store: EventStore, tenantId: string, batchId: string): Promise<{ run: BulkRun; version: number }> {
  const events = await bulkEvents(store, tenantId, batchId);
  const run = events[0]?.streamType === BULK_STREAM_TYPE ? foldBulk(events) : null;
  if (!run) throw new NotFoundError('bulk.not-found');
  return { run, version: events.at(-1)!.version };
}

/**
 * The batch's events, the ones read before kept in this process: a stream only grows, so a poll
 * every second reads only what was appended since (a batch of 100,000 leads is a thousand events).
 */
const readBefore = liveRuns<readonly StoredEvent[]>('leadstreamBulkStreams');
const STREAMS_KEPT = 20;

async function bulkEvents(store: EventStore, tenantId: string, batchId: string): Promise<readonly StoredEvent[]> {
  const key = runKey(tenantId, batchId);
  const before = readBefore.get(key) ?? [];
  const since = await store.readStream(tenantId, batchId, { fromVersion: (before.at(-1)?.version ?? 0) + 1 });
  const events = since.length === 0 ? before : [...before, ...since];
  readBefore.delete(key);
  if (events.length > 0) readBefore.set(key, events);
  // The longest unread go first.
  for (const stale of readBefore.keys()) if (readBefore.size > STREAMS_KEPT) readBefore.delete(stale);
  return events;
}

export type BulkProgress = Omit<BulkRun, 'results' | 'targets' | 'state'> & {
  readonly batchId: string;
  /** `interrupted`: the run ended without recording how (the server stopped); resuming carries on. */
  readonly state: BulkRun['state'] | 'interrupted';
  readonly done: number;
  /** The leads not done, with why. */
  readonly problems: readonly BulkLeadResult[];
};

/** How far a batch of the tenant has got; NotFoundError for any other id. */
export async function bulkProgress(store: EventStore, tenantId: string, batchId: string): Promise<BulkProgress> {
  // Asked before reading the events: a run that ends in between then shows its end, not a cut-off.
  const live = isBulkRunning(tenantId, batchId);
  const { run } = await loadBulk(store, tenantId, batchId);
  const { results, targets: _targets, state, ...rest } = run;
  return {
    ...rest,
    batchId,
    state: state === 'running' && !live ? 'interrupted' : state,
    done: results.size,
    problems: [...results.values()].filter((result) => result.outcome !== 'done'),
  };
}

function runFor(store: EventStore, context: CommandContext, batchId: string, options: BulkOptions) {
  const key = runKey(context.tenantId, batchId);
  running.set(key, true);
  return () => sendPending(store, context, batchId, options).finally(() => running.delete(key));
}

async function sendPending(store: EventStore, context: CommandContext, batchId: string, { concurrency = 4, chunk = LEADS_PER_CHUNK }: BulkOptions): Promise<void> {
  let failure: unknown = null;
  try {
    const { run } = await loadBulk(store, context.tenantId, batchId);
    const pending = pendingTargets(run);
    for (let start = 0; start < pending.length && failure === null; start += chunk) {
      const results: BulkLeadResult[] = [];
      const tasks = pending.slice(start, start + chunk).map(({ target, index }) => async () => {
        try {
          results.push(await sendLead(store, context, batchId, run.action, target, index));
        } catch (error) {
          failure ??= error;
        }
      });
      await runBounded(tasks, concurrency, () => failure !== null);
      if (results.length > 0) await recordBulk(store, context, batchId, { type: 'RecordResults', data: { results } });
    }
  } catch (error) {
    failure ??= error;
  }
  try {
    const { run } = await loadBulk(store, context.tenantId, batchId);
    await recordBulk(store, context, batchId, {
      type: 'EndBulkChange',
      data: failure === null ? { outcome: 'finished', ...run.counts } : { outcome: 'stopped', reason: failure instanceof Error ? failure.message : String(failure) },
    });
  } catch (error) {
    // The batch's own record could not be written either: its progress shows it interrupted.
    console.error(`Bulk change ${batchId} could not record how it ended:`, error);
  }
  if (failure !== null) console.error(`Bulk change ${batchId} stopped:`, failure);
}

/** The batch's own record, through the same handler as every command. */
function recordBulk(store: EventStore, context: CommandContext, batchId: string, command: BulkCommand, expectedVersion?: number) {
  return handleCommand(store, bulkAggregate, {
    tenantId: context.tenantId, streamId: batchId, command, expectedVersion,
    commandId: randomUUID(), actor: context.actorId, now: context.now ?? new Date(),
  });
}
