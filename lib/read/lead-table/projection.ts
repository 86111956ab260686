// The lead table, written inline: in the append's own transaction, so an agent always sees their
// own change. Rows are guarded by version: a row is never replaced by an older one, so the inline
// writes and a rebuild running beside them can interleave in any order.
import type { CarriedRow, RowWrite, StoredEvent, Tx, VersionedEvent } from '@/lib/event-store';
import { Prisma } from '@/lib/generated/prisma/client';
import { isLeadEvent } from '@/lib/leads';
import { ident } from '@/lib/db/sql';
import { changedRows } from '../engine/fold-rows';
import { leadsWithRows, runWrites, selectByLeads, upsertStatement, type Column } from '../engine/sql';
import type { RebuildableInlineProjection } from '../engine/types';
import { rebuildLeadTable } from './rebuild';
import { evolveLeadRow, type LeadRow } from './lead-row';

export const LEAD_TABLE = 'leads';

const COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['lead_id', 'text'], ['name', 'text'], ['phones', 'jsonb'], ['emails', 'text[]'],
  ['status', 'text'], ['follow_up_at', 'timestamptz'], ['owner_id', 'text'], ['source', 'text'],
  ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['updated_by', 'text'], ['version', 'int'],
  ['follow_up_agent_id', 'text'], ['retry_at', 'timestamptz'], ['call_count', 'int'], ['last_call_at', 'timestamptz'],
  ['claimed_by', 'text'], ['claim_until', 'timestamptz'], ['do_not_call', 'boolean'], ['exhausted', 'boolean'],
  ['wrong_phones', 'text[]'], ['time_zone', 'text'], ['merged_into', 'text'],
];

const key = (tenantId: string, leadId: string) => `${tenantId}\u0000${leadId}`;

/**
 * Folds `events` (any leads, in order) onto their rows as `reader` sees them: the writes of the rows
 * that changed. A row a command's load carried (carriedSql) is not read again.
 */
export async function planLeadRows(reader: Tx, events: readonly VersionedEvent[], table = LEAD_TABLE, carried?: CarriedRow): Promise<RowWrite[]> {
  const leadEvents = events.filter(isLeadEvent);
  if (leadEvents.length === 0) return [];
  const rows = new Map<string, LeadRow | null>();
  const isCarried = (lead: { tenant_id: string; lead_id: string }) => carried?.tenantId === lead.tenant_id && carried.streamId === lead.lead_id;
  const loaded = await selectByLeads<StoredLeadRow>(reader, table, leadsWithRows(leadEvents).filter((lead) => !isCarried(lead)));
  for (const row of [...loaded, ...(carried?.value ? [carried.value as StoredLeadRow] : [])]) {
    rows.set(key(row.tenant_id, row.lead_id), {
      ...row, follow_up_at: iso(row.follow_up_at), created_at: iso(row.created_at)!, updated_at: iso(row.updated_at)!,
      retry_at: iso(row.retry_at), last_call_at: iso(row.last_call_at), claim_until: iso(row.claim_until),
    });
  }
  const toWrite = changedRows(rows, leadEvents, (event) => key(event.tenantId, event.streamId), evolveLeadRow);
  return [upsertStatement(table, COLUMNS, ['tenant_id', 'lead_id'], toWrite, `${ident(table).text}.version <= excluded.version`)];
}

/** A row as read: timestamps as dates (a query's) or as JSON text (a carried row's). */
type StoredLeadRow = LeadRow & { emails: string[] };

/** The same, written now in the given transaction (a rebuild's). */
export async function writeLeadRows(tx: Tx, events: readonly StoredEvent[], table = LEAD_TABLE): Promise<void> {
  await runWrites(tx, await planLeadRows(tx, events, table));
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export const leadTableProjection: RebuildableInlineProjection = {
  name: 'lead-table',
  plan: (reader, events, carried) => planLeadRows(reader, events, LEAD_TABLE, carried),
  carriedSql: (tenantId, streamId) => Prisma.sql`(SELECT to_jsonb(l) FROM ${ident(LEAD_TABLE)} l WHERE l.tenant_id = ${tenantId} AND l.lead_id = ${streamId})`,
  rebuild: (store, options) => rebuildLeadTable(store, options),
};
