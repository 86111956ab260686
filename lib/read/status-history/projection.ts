// Status history: one row per status period, and one per callback. Async: fed from the global log.
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/event-store';
import { LEAD_STREAM_TYPE } from '@/lib/leads';
import { leadsWithRows, selectByLeads, upsertRows, type Column } from '../engine/sql';
import type { AsyncProjection } from '../engine/types';
import { historyRows, type FollowUpRow, type PeriodRow } from './history';

export const STATUS_PERIODS_TABLE = 'status_periods';
export const FOLLOW_UPS_TABLE = 'follow_ups';

const PERIOD_COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['lead_id', 'text'], ['entered_version', 'int'], ['status', 'text'], ['previous_status', 'text'], ['entered_at', 'timestamptz'],
  ['entered_by', 'text'], ['left_at', 'timestamptz'], ['left_by', 'text'], ['duration_seconds', 'float8'], ['follow_up_at', 'timestamptz'],
];
const FOLLOW_UP_COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['lead_id', 'text'], ['scheduled_version', 'int'], ['due_at', 'timestamptz'], ['set_at', 'timestamptz'],
  ['set_by', 'text'], ['handled_at', 'timestamptz'], ['handled_by', 'text'], ['ended_at', 'timestamptz'], ['end_reason', 'text'],
];
const HISTORY_EVENTS = new Set(['LeadRegistered', 'StatusChanged', 'FollowUpScheduled', 'FollowUpCleared', 'CallOutcomeRecorded', 'LeadMergedInto', 'LeadUnmerged']);

export const statusHistoryProjection: AsyncProjection = {
  name: 'status-history',
  tables: [STATUS_PERIODS_TABLE, FOLLOW_UPS_TABLE],
  async apply(tx, events, tables) {
    const relevant = events.filter((event) => event.streamType === LEAD_STREAM_TYPE && HISTORY_EVENTS.has(event.type));
    if (relevant.length === 0) return;
    const periodsTable = tables[STATUS_PERIODS_TABLE]!;
    const followUpsTable = tables[FOLLOW_UPS_TABLE]!;
    const open = await loadOpenRows(tx, relevant, periodsTable, followUpsTable);
    const rows = historyRows(open, relevant);
    await upsertRows(tx, periodsTable, PERIOD_COLUMNS, ['tenant_id', 'lead_id', 'entered_version'], rows.periods);
    await upsertRows(tx, followUpsTable, FOLLOW_UP_COLUMNS, ['tenant_id', 'lead_id', 'scheduled_version'], rows.followUps);
  },
};

/** The open period and open callback of each lead the batch touches (leads new in it have none). */
async function loadOpenRows(tx: Tx, events: readonly { tenantId: string; streamId: string; version: number }[], periods: string, followUps: string) {
  const leads = leadsWithRows(events);
  const [openPeriods, openFollowUps] = await Promise.all([
    selectByLeads<PeriodRow>(tx, periods, leads, Prisma.sql`WHERE t.left_at IS NULL`),
    selectByLeads<FollowUpRow>(tx, followUps, leads, Prisma.sql`WHERE t.ended_at IS NULL`),
  ]);
  return { periods: openPeriods.map(isoDates), followUps: openFollowUps.map(isoDates) };
}

function isoDates<Row extends object>(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value instanceof Date ? value.toISOString() : value])) as Row;
}
