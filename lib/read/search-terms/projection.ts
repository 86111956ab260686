// Search terms: every name, phone and email a lead has ever held. Async: fed from the global log.
import { ident } from '@/lib/db/sql';
import { recordset, type Column } from '../engine/sql';
import type { AsyncProjection } from '../engine/types';
import { collapseTermChanges, termChanges } from './terms';

export const SEARCH_TERMS_TABLE = 'search_terms';

const COLUMNS: readonly Column[] = [
  ['tenant_id', 'text'], ['lead_id', 'text'], ['kind', 'text'], ['value', 'text'], ['normalized', 'text'],
  ['display', 'text'], ['current', 'boolean'], ['first_held_at', 'timestamptz'], ['last_held_at', 'timestamptz'],
  ['changed_at', 'timestamptz'], ['changed_by', 'text'],
];

export const searchTermsProjection: AsyncProjection = {
  name: 'search-terms',
  tables: [SEARCH_TERMS_TABLE],
  async apply(tx, events, tables) {
    const rows = collapseTermChanges(events.flatMap(termChanges));
    if (rows.length === 0) return;
    const table = ident(tables[SEARCH_TERMS_TABLE]!);
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
  },
};
