// Duplicate keys: every phone and email a lead has held and their fragments (lib/duplicates/keys.ts),
// and how many leads hold each key. Async, fed from the same term changes as the search terms, so the
// two read models never disagree on what a lead held.
import { ident } from '@/lib/db/sql';
import { duplicateKeys } from '@/lib/duplicates/keys';
import { recordset, type Column } from '../engine/sql';
import type { AsyncProjection } from '../engine/types';
import { termChanges, type TermChange } from '../search-terms/terms';

export const DUPLICATE_KEYS_TABLE = 'duplicate_keys';
export const DUPLICATE_KEY_COUNTS_TABLE = 'duplicate_key_counts';

type KeyRow = { tenant_id: string; key: string; lead_id: string; current: boolean };
const COLUMNS: readonly Column[] = [['tenant_id', 'text'], ['key', 'text'], ['lead_id', 'text'], ['current', 'boolean']];

export const duplicateKeysProjection: AsyncProjection = {
  name: 'duplicate-keys',
  tables: [DUPLICATE_KEYS_TABLE, DUPLICATE_KEY_COUNTS_TABLE],
  async apply(tx, events, tables) {
    const rows = keyRows(events.flatMap(termChanges));
    if (rows.length === 0) return;
    const keys = ident(tables[DUPLICATE_KEYS_TABLE]!);
    const counts = ident(tables[DUPLICATE_KEY_COUNTS_TABLE]!);
    // A key a lead holds for the first time adds one to the key's count; a change of `current` does not.
    await tx.$executeRaw`
      WITH written AS (
        INSERT INTO ${keys} AS k (tenant_id, key, lead_id, current)
        SELECT tenant_id, key, lead_id, current FROM ${recordset(rows, COLUMNS)}
        ON CONFLICT (tenant_id, key, lead_id) DO UPDATE SET current = excluded.current
        RETURNING k.tenant_id, k.key, (k.xmax = 0) AS inserted
      )
      INSERT INTO ${counts} AS c (tenant_id, key, leads)
      SELECT tenant_id, key, count(*) FROM written WHERE inserted GROUP BY tenant_id, key
      ON CONFLICT (tenant_id, key) DO UPDATE SET leads = c.leads + excluded.leads`;
  },
};

/** The net effect of a batch's term changes on each (lead, key): the last change says whether it is held now. */
export function keyRows(changes: readonly TermChange[]): KeyRow[] {
  const rows = new Map<string, KeyRow>();
  for (const change of changes) {
    if (change.kind === 'name') continue;
    for (const { key } of duplicateKeys(change.kind, change.normalized)) {
      rows.set(`${change.tenantId}\u0000${key}\u0000${change.leadId}`, { tenant_id: change.tenantId, key, lead_id: change.leadId, current: change.held });
    }
  }
  return [...rows.values()];
}
