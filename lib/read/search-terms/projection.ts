// Search terms: every name, phone and email a lead has ever held, and which lead each merged lead
// went into, so its terms find the survivor. Async: fed from the global log.
import type { StoredEvent, Tx } from '@/lib/event-store';
import { isLeadEvent } from '@/lib/leads';
import { ident } from '@/lib/db/sql';
import { recordset, type Column } from '../engine/sql';
import type { AsyncProjection } from '../engine/types';
import { collapseTermChanges, erasedLeads, termChanges } from './terms';

export const SEARCH_TERMS_TABLE = 'search_terms';
export const SEARCH_MERGES_TABLE = 'search_merges';

const COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['lead_id', 'text'], ['kind', 'text'], ['value', 'text'], ['normalized', 'text'],
  ['display', 'text'], ['current', 'boolean'], ['first_held_at', 'timestamptz'], ['last_held_at', 'timestamptz'],
  ['changed_at', 'timestamptz'], ['changed_by', 'text'],
];

const LEAD_COLUMNS: readonly Column[] = [['tenant_id', 'text'], ['lead_id', 'text']];

export const searchTermsProjection: AsyncProjection = {
  name: 'search-terms',
  tables: [SEARCH_TERMS_TABLE, SEARCH_MERGES_TABLE],
  async apply(tx, events, tables) {
    await applyMerges(tx, events, tables[SEARCH_MERGES_TABLE]!);
    const rows = collapseTermChanges(events.flatMap(termChanges));
    const table = ident(tables[SEARCH_TERMS_TABLE]!);
    if (rows.length > 0) await upsertTerms(tx, table, rows);
    // The lead's events read after its erasure hold no values: dropping its terms leaves none.
    const erased = erasedLeads(events);
    if (erased.length > 0) await tx.$executeRaw`DELETE FROM ${table} t USING ${recordset(erased, LEAD_COLUMNS)} WHERE t.tenant_id = r.tenant_id AND t.lead_id = r.lead_id`;
  },
};

async function upsertTerms(tx: Tx, table: ReturnType<typeof ident>, rows: readonly object[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO ${table} AS t (tenant_id, lead_id, kind, value, normalized, display, current, first_held_at, last_held_at, changed_at, changed_by)
    SELECT tenant_id, lead_id, kind, value, normalized, display, current, first_held_at, last_held_at, changed_at, changed_by
    FROM ${recordset(rows, COLUMNS)}
    ON CONFLICT (tenant_id, lead_id, kind, normalized) DO UPDATE SET
      value = excluded.value,
      display = excluded.display,
      current = excluded.current,
      -- a batch that only stops holding a value proposes a later time: LEAST keeps the first hold
      first_held_at = LEAST(t.first_held_at, excluded.first_held_at),
      last_held_at = excluded.last_held_at,
      changed_at = excluded.changed_at,
      changed_by = excluded.changed_by`;
}

/** A merge maps the merged lead to its survivor; undoing it takes the mapping away. In log order. */
async function applyMerges(tx: Tx, events: readonly StoredEvent[], tableName: string): Promise<void> {
  const table = ident(tableName);
  for (const event of events) {
    if (!isLeadEvent(event)) continue;
    if (event.type === 'LeadMergedInto') {
      await tx.$executeRaw`
        INSERT INTO ${table} (tenant_id, lead_id, survivor_id) VALUES (${event.tenantId}, ${event.streamId}, ${event.data.survivorId})
        ON CONFLICT (tenant_id, lead_id) DO UPDATE SET survivor_id = excluded.survivor_id`;
    } else if (event.type === 'LeadUnmerged') {
      await tx.$executeRaw`DELETE FROM ${table} WHERE tenant_id = ${event.tenantId} AND lead_id = ${event.streamId}`;
    }
  }
}
