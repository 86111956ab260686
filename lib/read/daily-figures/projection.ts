// Daily figures: the analytics page's counts, sums and duration histograms per UTC day, under four
// scopes (see fold.ts). Async, fed from the global log; a batch adds its counts to the rows, and
// checkpoints make sure each event is counted once.
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/event-store';
import { LEAD_STREAM_TYPE } from '@/lib/leads';
import { addToRows, leadsWithRows, selectByLeads, upsertRows, type Column } from '../engine/sql';
import type { AsyncProjection } from '../engine/types';
import { dailyFigures, type LeadFigures } from './fold';

export const DAILY_TABLES = {
  leads: 'daily_figure_leads',
  changes: 'daily_status_changes',
  durations: 'daily_status_durations',
  lengths: 'status_period_lengths',
  funnel: 'daily_follow_up_funnel',
  callbacks: 'daily_callbacks',
  lateness: 'daily_callback_lateness',
  calls: 'daily_calls',
} as const;

const SCOPED: readonly Column[] = [['tenant_id', 'text'], ['scope', 'text'], ['agent_id', 'text'], ['source', 'text']];
const LEAD_COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['lead_id', 'text'], ['source', 'text'], ['status', 'text'], ['entered_at', 'timestamptz'], ['entered_by', 'text'],
  ['entered_version', 'int'], ['callback_due_at', 'timestamptz'], ['callback_set_by', 'text'], ['follow_up_entries', 'jsonb'],
];
const LENGTH_COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['lead_id', 'text'], ['entered_version', 'int'], ['status', 'text'], ['entered_at', 'timestamptz'],
  ['entered_by', 'text'], ['source', 'text'], ['duration_seconds', 'float8'],
];
/** Each counter table: its key beyond the scope, and its counters. */
const COUNTERS = {
  changes: { keys: [['day', 'date'], ['from_status', 'text'], ['to_status', 'text']], counts: [['changes', 'int']] },
  durations: { keys: [['day', 'date'], ['status', 'text'], ['bucket', 'int']], counts: [['periods', 'int'], ['milliseconds', 'int8']] },
  funnel: { keys: [['day', 'date'], ['previous_day', 'date']], counts: [['reached', 'int'], ['converted', 'int'], ['closed', 'int']] },
  callbacks: {
    keys: [['due_day', 'date']],
    counts: [['on_time', 'int'], ['late', 'int'], ['missed', 'int'], ['open', 'int'], ['late_milliseconds', 'int8']],
  },
  lateness: { keys: [['due_day', 'date'], ['bucket', 'int']], counts: [['callbacks', 'int']] },
  calls: { keys: [['day', 'date'], ['outcome', 'text']], counts: [['calls', 'int'], ['contacts', 'int']] },
} satisfies Record<string, { keys: Column[]; counts: Column[] }>;

const FIGURE_EVENTS = new Set(['LeadRegistered', 'StatusChanged', 'FollowUpScheduled', 'FollowUpCleared', 'CallOutcomeRecorded', 'LeadMergedInto', 'LeadUnmerged']);

export const dailyFiguresProjection: AsyncProjection = {
  name: 'daily-figures',
  tables: Object.values(DAILY_TABLES),
  async apply(tx, events, tables) {
    const relevant = events.filter((event) => event.streamType === LEAD_STREAM_TYPE && FIGURE_EVENTS.has(event.type));
    if (relevant.length === 0) return;
    const figures = dailyFigures(await loadLeads(tx, relevant, tables[DAILY_TABLES.leads]!), relevant);
    await upsertRows(tx, tables[DAILY_TABLES.leads]!, LEAD_COLUMNS, ['tenant_id', 'lead_id'], figures.leads);
    await upsertRows(tx, tables[DAILY_TABLES.lengths]!, LENGTH_COLUMNS, ['tenant_id', 'lead_id', 'entered_version'], figures.lengths);
    for (const [name, { keys, counts }] of Object.entries(COUNTERS) as [keyof typeof COUNTERS, (typeof COUNTERS)[keyof typeof COUNTERS]][]) {
      const keyColumns = [...SCOPED, ...keys];
      await addToRows(tx, tables[DAILY_TABLES[name]]!, [...keyColumns, ...counts], keyColumns.map(([column]) => column), figures[name]);
    }
  },
};

/** The kept state of each lead the batch touches (leads new in it have none). */
async function loadLeads(tx: Tx, events: readonly { tenantId: string; streamId: string; version: number }[], table: string): Promise<LeadFigures[]> {
  const leads = leadsWithRows(events);
  const rows = await selectByLeads<LeadFigures & { entered_at: Date; callback_due_at: Date | null }>(tx, table, leads, Prisma.empty);
  return rows.map((row) => ({ ...row, entered_at: row.entered_at.toISOString(), callback_due_at: row.callback_due_at?.toISOString() ?? null }));
}
