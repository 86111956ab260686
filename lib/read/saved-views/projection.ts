// The saved views' read model, written inline: in the append's own transaction, so a view is in the
// menu the moment the command that saved it returns. One row per view; rows are guarded by the
// stream's version, as the do-not-call list's are, so the inline writes and a rebuild running beside
// them can interleave in any order.
import { ident } from '@/lib/db/sql';
import type { RowWrite, StoredEvent, Tx, VersionedEvent } from '@/lib/event-store';
import { rebuildByStream, type RebuildOptions } from '@/lib/read/engine/rebuild-by-stream';
import { isViewEvent, VIEWS_STREAM_TYPE, type ViewEvent } from '@/lib/views/views';
import { changedRows } from '../engine/fold-rows';
import { recordset, runWrites, upsertStatement, type Column } from '../engine/sql';
import type { RebuildableInlineProjection } from '../engine/types';

export const VIEWS_TABLE = 'saved_views';

export type SavedViewRow = {
  tenant_id: string; view_id: string; owner_id: string; name: string; query: string; shared: boolean; deleted: boolean; version: number;
};

const COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['view_id', 'text'], ['owner_id', 'text'], ['name', 'text'], ['query', 'text'],
  ['shared', 'boolean'], ['deleted', 'boolean'], ['version', 'int'],
];

type ViewStoredEvent = VersionedEvent & ViewEvent;
const isStoredViewEvent = (event: VersionedEvent): event is ViewStoredEvent => event.streamType === VIEWS_STREAM_TYPE && isViewEvent(event);
const key = (tenantId: string, viewId: string) => `${tenantId}\u0000${viewId}`;

/** The row after `event`; an event at or below the row's version is already in it. */
export function evolveViewRow(row: SavedViewRow | null, event: ViewStoredEvent): SavedViewRow | null {
  if (row && event.version <= row.version) return row;
  const version = event.version;
  switch (event.type) {
    case 'ViewSaved':
      return { tenant_id: event.tenantId, view_id: event.data.viewId, owner_id: event.data.ownerId, name: event.data.name, query: event.data.query, shared: false, deleted: false, version };
    case 'ViewRenamed':
      return row && { ...row, name: event.data.name, version };
    case 'ViewDeleted':
      return row && { ...row, deleted: true, shared: false, version };
    case 'ViewShared':
    case 'ViewUnshared':
      return row && { ...row, shared: event.type === 'ViewShared', version };
  }
}

/** Folds `events` onto their views' rows as `reader` sees them: the writes of the rows that changed. */
export async function planViewRows(reader: Tx, events: readonly VersionedEvent[], table = VIEWS_TABLE): Promise<RowWrite[]> {
  const viewEvents = events.filter(isStoredViewEvent);
  if (viewEvents.length === 0) return [];
  const rows = new Map<string, SavedViewRow | null>();
  const touched = [...new Map(viewEvents.map((event) => [key(event.tenantId, event.data.viewId), event])).values()]
    .filter((event) => event.type !== 'ViewSaved')
    .map((event) => ({ tenant_id: event.tenantId, view_id: event.data.viewId }));
  if (touched.length > 0) {
    const loaded = await reader.$queryRaw<SavedViewRow[]>`
      SELECT t.* FROM ${ident(table)} t
      JOIN ${recordset(touched, [['tenant_id', 'text'], ['view_id', 'text']])} ON t.tenant_id = r.tenant_id AND t.view_id = r.view_id`;
    for (const row of loaded) rows.set(key(row.tenant_id, row.view_id), row);
  }
  const toWrite = changedRows(rows, viewEvents, (event) => key(event.tenantId, event.data.viewId), evolveViewRow);
  return [upsertStatement(table, COLUMNS, ['tenant_id', 'view_id'], toWrite, `${ident(table).text}.version <= excluded.version`)];
}

async function writeViewRows(tx: Tx, events: readonly StoredEvent[], table = VIEWS_TABLE): Promise<void> {
  await runWrites(tx, await planViewRows(tx, events, table));
}

export const savedViewsProjection: RebuildableInlineProjection = {
  name: 'saved-views',
  plan: (reader, events) => planViewRows(reader, events),
  rebuild: (store, options?: RebuildOptions) => rebuildByStream(store, VIEWS_STREAM_TYPE, writeViewRows, options),
};
