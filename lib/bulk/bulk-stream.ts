// A bulk change is an event stream of its own, the audit of the batch: who changed what on how many
// leads chosen by which filter (BulkChangeStarted), the leads it selected with the versions the user
// saw (BulkLeadsSelected, in chunks, appended with the start: a batch never starts with half its
// leads), each lead's result as the runner gets through them
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
  /** Why it was refused, conflicted or skipped: a refusal's code (lib/present/error-text.ts) and its values. */
  reason: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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
  | { readonly type: 'StartBulkChange'; readonly data: Omit<DataOf<'BulkChangeStarted'>, 'leads'> & { readonly leads: DataOf<'BulkLeadsSelected'>['leads'] } }
  | { readonly type: 'RecordResults'; readonly data: DataOf<'BulkResultsRecorded'> }
  | { readonly type: 'ResumeBulkChange'; readonly data: DataOf<'BulkChangeResumed'> }
  | { readonly type: 'EndBulkChange'; readonly data: { outcome: 'finished' } & DataOf<'BulkChangeFinished'> | { outcome: 'stopped'; reason: string } };

/** A batch's leads and results are read from its events (bulk-run.ts), never kept in the state. */
export type BulkState =
  | { readonly kind: 'initial' }
  | { readonly kind: 'started'; readonly finished: boolean };

export const initialBulkState = (): BulkState => ({ kind: 'initial' });

export function evolveBulk(state: BulkState, event: BulkEvent): BulkState {
  if (event.type === 'BulkChangeStarted') return { kind: 'started', finished: false };
  if (state.kind === 'initial' || event.type !== 'BulkChangeFinished') return state;
  return { ...state, finished: true };
}

/** Leads per BulkLeadsSelected event: a batch of 100,000 leads is a hundred events of a few dozen kB. */
export const LEADS_PER_EVENT = 1000;

export function decideBulk(command: BulkCommand, state: BulkState): BulkEvent[] {
  if (command.type === 'StartBulkChange') {
    if (state.kind !== 'initial') throw new IllegalStateError('bulk.already-started');
    const { leads, ...started } = command.data;
    if (leads.length === 0) throw new IllegalStateError('bulk.no-leads', { field: 'leads' });
    const chunks = Array.from({ length: Math.ceil(leads.length / LEADS_PER_EVENT) }, (_, i) => leads.slice(i * LEADS_PER_EVENT, (i + 1) * LEADS_PER_EVENT));
    return [
      { type: 'BulkChangeStarted', data: { ...started, leads: leads.length } },
      ...chunks.map((chunk): BulkEvent => ({ type: 'BulkLeadsSelected', data: { leads: chunk } })),
    ];
  }
  if (state.kind === 'initial') throw new IllegalStateError('bulk.not-started');
  if (state.finished) throw new IllegalStateError('bulk.finished');
  switch (command.type) {
    case 'RecordResults':
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
