// A bulk change as its events tell it: what it did, to which leads, what happened to each so far,
// and whether it is running, finished or stopped. Pure: the runner resumes from it (the leads with
// no result yet), the progress view and the undo read it.
import type { BulkAction } from './bulk-action';
import type { BulkTarget } from './bulk-action';
import { BULK_EVENT_SCHEMAS, type BulkEvent, type BulkLeadResult, type BulkOutcome } from './bulk-stream';

export type BulkRun = {
  readonly action: BulkAction;
  readonly filter: string | null;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly total: number;
  readonly targets: readonly BulkTarget[];
  /** Each lead's latest result, by lead id. */
  readonly results: ReadonlyMap<string, BulkLeadResult>;
  readonly counts: Readonly<Record<BulkOutcome, number>>;
  readonly state: 'running' | 'finished' | 'stopped';
  readonly resumes: number;
  readonly finishedAt: string | null;
};

type RecordedEvent = { readonly type: string; readonly data: unknown; readonly occurredAt: Date };

const isBulkEvent = (event: RecordedEvent): event is RecordedEvent & BulkEvent => Object.hasOwn(BULK_EVENT_SCHEMAS, event.type);

export const noOutcomes = (): Record<BulkOutcome, number> => ({ done: 0, refused: 0, conflicted: 0, skipped: 0 });

/** The batch, or null when the events are not a bulk change's. */
export function foldBulk(events: readonly RecordedEvent[]): BulkRun | null {
  const first = events[0];
  if (!first || !isBulkEvent(first) || first.type !== 'BulkChangeStarted') return null;
  const targets: BulkTarget[] = [];
  const results = new Map<string, BulkLeadResult>();
  let state: BulkRun['state'] = 'running';
  let resumes = 0;
  let finishedAt: string | null = null;
  for (const event of events) {
    if (!isBulkEvent(event)) return null;
    switch (event.type) {
      case 'BulkLeadsSelected':
        targets.push(...event.data.leads);
        break;
      case 'BulkResultsRecorded':
        for (const result of event.data.results) results.set(result.leadId, result);
        break;
      case 'BulkChangeResumed':
        resumes++;
        state = 'running';
        break;
      case 'BulkChangeFinished':
        state = 'finished';
        finishedAt = event.occurredAt.toISOString();
        break;
      case 'BulkChangeStopped':
        state = 'stopped';
        break;
    }
  }
  const counts = noOutcomes();
  for (const result of results.values()) counts[result.outcome]++;
  return {
    action: first.data.action as BulkAction,
    filter: first.data.filter,
    startedBy: first.data.by,
    startedAt: first.occurredAt.toISOString(),
    total: first.data.leads,
    targets,
    results,
    counts,
    state,
    resumes,
    finishedAt,
  };
}

/** The leads still to send, in the order they were selected, with their index (round-robin counts by it). */
export function pendingTargets(run: BulkRun): { target: BulkTarget; index: number }[] {
  return run.targets.flatMap((target, index) => (run.results.has(target.leadId) ? [] : [{ target, index }]));
}

/** The leads an undo of this batch takes back: those it changed, at the version it left them, with the command that undoes each. */
export function undoTargets(run: BulkRun): BulkTarget[] {
  return [...run.results.values()].flatMap((result) =>
    (result.outcome === 'done' && result.undo && result.version !== null ? [{ leadId: result.leadId, version: result.version, undo: result.undo }] : []));
}
