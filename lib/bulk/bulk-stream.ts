// A bulk change is an event stream of its own, the audit of the batch: who changed what on how many
// leads chosen by which filter (BulkChangeStarted), the leads it selected with the versions the user
// saw (BulkLeadsSelected, a chunk at a time), each lead's result as the runner gets through them
// (BulkResultsRecorded), each resume after an interruption, and how it ended. Pure.
import { z } from 'zod';
import { IllegalStateError } from '@/lib/errors';
import { defineEvents } from '@/lib/event-store/registry';

export const BULK_STREAM_TYPE = 'bulk-change';

const count = z.number().int().min(0);
const leadCommand = z.strictObject({ type: z.string(), data: z.record(z.string(), z.unknown()) });

/** What happened to one lead: `skipped` is an undo's lead that has changed since the batch changed it. */
export const BULK_OUTCOMES = ['done', 'refused', 'conflicted', 'skipped'] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

const result = z.strictObject({
  leadId: z.string(),
  outcome: z.enum(BULK_OUTCOMES),
  /** The lead's version after its change (done), the version an undo expects it to be at. */
  version: count.nullable(),
  /** Why it was refused, conflicted or skipped: an error code, or the changes it collided with. */
  reason: z.string().nullable(),
  /** The command that takes the change back, when one can. */
  undo: leadCommand.nullable(),
});
export type BulkLeadResult = z.output<typeof result>;

export const BULK_EVENT_SCHEMAS = {
  BulkChangeStarted: z.strictObject({
    /** The action as chosen (lib/bulk/bulk-action.ts), stored as it was checked. */
    action: z.record(z.string(), z.unknown()),
    leads: count,
    /** The list filter the leads were chosen by, as the list's URL holds it; null for leads ticked one by one. */
    filter: z.string().nullable(),
    by: z.string(),
  }),
  BulkLeadsSelected: z.strictObject({ leads: z.array(z.strictObject({ leadId: z.string(), version: count, undo: leadCommand.optional() })) }),
  BulkResultsRecorded: z.strictObject({ results: z.array(result) }),
  /** A run cut off (by a restart) was started again: leads with a result are not sent again. */
  BulkChangeResumed: z.strictObject({ by: z.string() }),
  BulkChangeFinished: z.strictObject({ done: count, refused: count, conflicted: count, skipped: count }),
  /** The run stopped on an unexpected error (the database gone); resuming carries on. */
  BulkChangeStopped: z.strictObject({ reason: z.string() }),
} as const;

export const BULK_EVENTS = defineEvents(BULK_EVENT_SCHEMAS);

type Schemas = typeof BULK_EVENT_SCHEMAS;
export type BulkEvent = { [Type in keyof Schemas]: { type: Type; data: z.output<Schemas[Type]> } }[keyof Schemas];
type DataOf<Type extends BulkEvent['type']> = Extract<BulkEvent, { type: Type }>['data'];

export type BulkCommand =
  | { readonly type: 'StartBulkChange'; readonly data: DataOf<'BulkChangeStarted'> }
  | { readonly type: 'SelectLeads'; readonly data: DataOf<'BulkLeadsSelected'> }
  | { readonly type: 'RecordResults'; readonly data: DataOf<'BulkResultsRecorded'> }
  | { readonly type: 'ResumeBulkChange'; readonly data: DataOf<'BulkChangeResumed'> }
  | { readonly type: 'EndBulkChange'; readonly data: { outcome: 'finished' } & DataOf<'BulkChangeFinished'> | { outcome: 'stopped'; reason: string } };

/** Only counts: a batch's leads and results are read from its events (bulk-run.ts), never kept in the state. */
export type BulkState =
  | { readonly kind: 'initial' }
  | { readonly kind: 'started'; readonly leads: number; readonly selected: number; readonly recorded: number; readonly finished: boolean };

export const initialBulkState = (): BulkState => ({ kind: 'initial' });

export function evolveBulk(state: BulkState, event: BulkEvent): BulkState {
  if (event.type === 'BulkChangeStarted') return { kind: 'started', leads: event.data.leads, selected: 0, recorded: 0, finished: false };
  if (state.kind === 'initial') return state;
  switch (event.type) {
    case 'BulkLeadsSelected':
      return { ...state, selected: state.selected + event.data.leads.length };
    case 'BulkResultsRecorded':
      return { ...state, recorded: state.recorded + event.data.results.length };
    case 'BulkChangeFinished':
      return { ...state, finished: true };
    case 'BulkChangeResumed':
    case 'BulkChangeStopped':
      return state;
  }
}

export function decideBulk(command: BulkCommand, state: BulkState): BulkEvent[] {
  if (command.type === 'StartBulkChange') {
    if (state.kind !== 'initial') throw new IllegalStateError('bulk.already-started');
    if (command.data.leads === 0) throw new IllegalStateError('bulk.no-leads', { field: 'leads' });
    return [{ type: 'BulkChangeStarted', data: command.data }];
  }
  if (state.kind === 'initial') throw new IllegalStateError('bulk.not-started');
  if (state.finished) throw new IllegalStateError('bulk.finished');
  switch (command.type) {
    case 'SelectLeads':
      if (state.recorded > 0) throw new IllegalStateError('bulk.already-running');
      if (state.selected + command.data.leads.length > state.leads) throw new IllegalStateError('bulk.too-many-leads', { field: 'leads' });
      return [{ type: 'BulkLeadsSelected', data: command.data }];
    case 'RecordResults':
      if (state.selected < state.leads) throw new IllegalStateError('bulk.still-selecting');
      return [{ type: 'BulkResultsRecorded', data: command.data }];
    case 'ResumeBulkChange':
      return [{ type: 'BulkChangeResumed', data: command.data }];
    case 'EndBulkChange': {
      const { outcome, ...data } = command.data;
      return outcome === 'finished'
        ? [{ type: 'BulkChangeFinished', data: data as DataOf<'BulkChangeFinished'> }]
        : [{ type: 'BulkChangeStopped', data: data as DataOf<'BulkChangeStopped'> }];
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}
