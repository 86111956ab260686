// The do-not-call list's read model, written inline: in the append's own transaction, so a number
// is blocked for every agent the moment the command that blocked it returns. One row per number a
// tenant ever blocked; unblocking keeps the row (inactive) with its last block. Rows are guarded
// by version, as the lead table's are, so the inline writes and a rebuild running beside them can
// interleave in any order.
import { ident } from '@/lib/db/sql';
import { DNC_STREAM_TYPE, isDncEvent, type DncEvent } from '@/lib/do-not-call/do-not-call';
import type { RowWrite, StoredEvent, Tx, VersionedEvent } from '@/lib/event-store';
import { changedRows } from '../engine/fold-rows';
import { recordset, runWrites, upsertStatement, type Column } from '../engine/sql';
import type { RebuildableInlineProjection } from '../engine/types';
import { rebuildDoNotCall } from './rebuild';

export const DNC_TABLE = 'do_not_call';

export type DncRow = {
  tenant_id: string;
  phone: string;
  reason: string;
  source: string;
  blocked_by: string | null;
  blocked_at: string;
  active: boolean;
  version: number;
};

const COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['phone', 'text'], ['reason', 'text'], ['source', 'text'],
  ['blocked_by', 'text'], ['blocked_at', 'timestamptz'], ['active', 'boolean'], ['version', 'int'],
];

type DncStoredEvent = VersionedEvent & DncEvent;
const isListEvent = (event: VersionedEvent): event is DncStoredEvent => event.streamType === DNC_STREAM_TYPE && isDncEvent(event);
const key = (tenantId: string, phone: string) => `${tenantId}\u0000${phone}`;

/** The row after `event`; an event at or below the row's version is already in it. */
export function evolveDncRow(row: DncRow | null, event: DncStoredEvent): DncRow | null {
  if (row && event.version <= row.version) return row;
  if (event.type === 'NumberUnblocked') return row && { ...row, active: false, version: event.version };
  return {
    tenant_id: event.tenantId,
    phone: event.data.phone,
    reason: event.data.reason,
    source: event.data.source,
    blocked_by: event.metadata.actor ?? null,
    blocked_at: event.occurredAt.toISOString(),
    active: true,
    version: event.version,
  };
}

/** Folds `events` (any numbers, in order) onto their rows as `reader` sees them: the writes of the rows that changed. */
export async function planDoNotCallRows(reader: Tx, events: readonly VersionedEvent[], table = DNC_TABLE): Promise<RowWrite[]> {
  const listEvents = events.filter(isListEvent);
  if (listEvents.length === 0) return [];
  const rows = new Map<string, DncRow | null>();
  // Only numbers whose first event here is not their stream's first can have a row already.
  const existing = [...new Map(listEvents.map((event) => [key(event.tenantId, event.data.phone), event])).values()]
    .filter((first) => first.version > 1)
    .map((first) => ({ tenant_id: first.tenantId, phone: first.data.phone }));
  if (existing.length > 0) {
    const loaded = await reader.$queryRaw<(Omit<DncRow, 'blocked_at'> & { blocked_at: Date })[]>`
      SELECT t.* FROM ${ident(table)} t
      JOIN ${recordset(existing, [['tenant_id', 'text'], ['phone', 'text']])} ON t.tenant_id = r.tenant_id AND t.phone = r.phone`;
    for (const row of loaded) rows.set(key(row.tenant_id, row.phone), { ...row, blocked_at: row.blocked_at.toISOString() });
  }
  const toWrite = changedRows(rows, listEvents, (event) => key(event.tenantId, event.data.phone), evolveDncRow);
  return [upsertStatement(table, COLUMNS, ['tenant_id', 'phone'], toWrite, `${ident(table).text}.version <= excluded.version`)];
}

/** The same, written now in the given transaction (a rebuild's). */
export async function writeDoNotCallRows(tx: Tx, events: readonly StoredEvent[], table = DNC_TABLE): Promise<void> {
  await runWrites(tx, await planDoNotCallRows(tx, events, table));
}

export const doNotCallProjection: RebuildableInlineProjection = {
  name: 'do-not-call',
  plan: (reader, events) => planDoNotCallRows(reader, events),
  rebuild: (store, options) => rebuildDoNotCall(store, options),
};
