// Duplicate keys: every phone and email a lead has held and their fragments (lib/duplicates/keys.ts),
// every name it has held, how many leads hold each key, and the pairs of leads that may be one
// person, judged again whenever either lead's keys or names change. Async, fed from the same term
// changes as the search terms, so the two read models never disagree on what a lead held; the judge
// reads this projection's own tables only, so it sees exactly the events its checkpoint has passed.
import { ident } from '@/lib/db/sql';
import { duplicateKeys, MAX_KEY_LEADS, nameKey } from '@/lib/duplicates/keys';
import type { Tx } from '@/lib/event-store';
import { recordset, type Column } from '../engine/sql';
import type { AsyncProjection, TableMap } from '../engine/types';
import { erasedLeads, termChanges, type TermChange } from '../search-terms/terms';
import { judgedPairs, type PairFeatures } from './pairs';

export const DUPLICATE_KEYS_TABLE = 'duplicate_keys';
export const DUPLICATE_KEY_COUNTS_TABLE = 'duplicate_key_counts';
export const DUPLICATE_PAIRS_TABLE = 'duplicate_pairs';

type KeyRow = { tenant_id: string; key: string; lead_id: string; current: boolean };
type LeadRef = { tenant_id: string; lead_id: string };
const KEY_COLUMNS: readonly Column[] = [['tenant_id', 'text'], ['key', 'text'], ['lead_id', 'text'], ['current', 'boolean']];
const LEAD_COLUMNS: readonly Column[] = [['tenant_id', 'text'], ['lead_id', 'text']];
const PAIR_COLUMNS: readonly Column[] = [['tenant_id', 'text'], ['lead_a', 'text'], ['lead_b', 'text'], ['score', 'int'], ['reasons', 'jsonb']];

export const duplicateKeysProjection: AsyncProjection = {
  name: 'duplicate-keys',
  tables: [DUPLICATE_KEYS_TABLE, DUPLICATE_KEY_COUNTS_TABLE, DUPLICATE_PAIRS_TABLE],
  // A batch looks up the keys and pairs of the leads it touches.
  readsOwnTables: true,
  async apply(tx, events, tables) {
    const rows = keyRows(events.flatMap(termChanges));
    if (rows.length > 0) await applyKeyRows(tx, tables, rows);
    const erased = erasedLeads(events);
    if (erased.length > 0) await dropLeads(tx, tables, erased);
  },
};

async function applyKeyRows(tx: Tx, tables: TableMap, rows: readonly KeyRow[]): Promise<void> {
  const crossed = await writeKeys(tx, tables, rows);
  // The leads whose pairs may have changed: those whose keys or names changed, and every holder of
  // a key that has just become too common to be evidence.
  const touched = uniqueLeads([...rows, ...(await holdersOf(tx, tables, crossed))]);
  await writePairs(tx, tables, touched, judgedPairs(await pairFeatures(tx, tables, touched)));
}

/**
 * Leads whose person's data was erased: their keys go, each key's count of leads goes down (a key
 * no lead holds any more is dropped), and their pairs go. Their events read after the erasure hold
 * no values, so a rebuild never counts them at all.
 */
async function dropLeads(tx: Tx, tables: TableMap, leads: readonly LeadRef[]): Promise<void> {
  const keys = ident(tables[DUPLICATE_KEYS_TABLE]!);
  const counts = ident(tables[DUPLICATE_KEY_COUNTS_TABLE]!);
  const emptied = await tx.$queryRaw<{ tenant_id: string; key: string }[]>`
    WITH gone AS (
      DELETE FROM ${keys} k USING ${recordset(leads, LEAD_COLUMNS)} WHERE k.tenant_id = r.tenant_id AND k.lead_id = r.lead_id
      RETURNING k.tenant_id, k.key
    ), counted AS (
      UPDATE ${counts} c SET leads = c.leads - g.leads
      FROM (SELECT tenant_id, key, count(*)::int AS leads FROM gone GROUP BY tenant_id, key) g
      WHERE c.tenant_id = g.tenant_id AND c.key = g.key
      RETURNING c.tenant_id, c.key, c.leads
    )
    SELECT tenant_id, key FROM counted WHERE leads <= 0`;
  if (emptied.length > 0) {
    await tx.$executeRaw`DELETE FROM ${counts} c USING ${recordset(emptied, [['tenant_id', 'text'], ['key', 'text']])} WHERE c.tenant_id = r.tenant_id AND c.key = r.key`;
  }
  await writePairs(tx, tables, leads, []);
}

/** The net effect of a batch's term changes on each (lead, key): the last change says whether it is held now. */
export function keyRows(changes: readonly TermChange[]): KeyRow[] {
  const rows = new Map<string, KeyRow>();
  for (const change of changes) {
    const keys = change.kind === 'name' ? [nameKey(change.normalized)] : duplicateKeys(change.kind, change.normalized).map(({ key }) => key);
    for (const key of keys) {
      rows.set(`${change.tenantId}\u0000${key}\u0000${change.leadId}`, { tenant_id: change.tenantId, key, lead_id: change.leadId, current: change.held });
    }
  }
  return [...rows.values()];
}

/** Writes the keys and their counts; answers the keys this batch made too common to be evidence. */
async function writeKeys(tx: Tx, tables: TableMap, rows: readonly KeyRow[]): Promise<{ tenant_id: string; key: string }[]> {
  const keys = ident(tables[DUPLICATE_KEYS_TABLE]!);
  const counts = ident(tables[DUPLICATE_KEY_COUNTS_TABLE]!);
  // A key a lead holds for the first time adds one to the key's count; a change of `current` does not.
  return tx.$queryRaw<{ tenant_id: string; key: string }[]>`
    WITH written AS (
      INSERT INTO ${keys} AS k (tenant_id, key, lead_id, current)
      SELECT tenant_id, key, lead_id, current FROM ${recordset(rows, KEY_COLUMNS)}
      ON CONFLICT (tenant_id, key, lead_id) DO UPDATE SET current = excluded.current
      RETURNING k.tenant_id, k.key, (k.xmax = 0) AS inserted
    ), added AS (
      SELECT tenant_id, key, count(*)::int AS leads FROM written WHERE inserted GROUP BY tenant_id, key
    ), counted AS (
      INSERT INTO ${counts} AS c (tenant_id, key, leads)
      SELECT tenant_id, key, leads FROM added
      ON CONFLICT (tenant_id, key) DO UPDATE SET leads = c.leads + excluded.leads
      RETURNING c.tenant_id, c.key, c.leads
    )
    SELECT c.tenant_id, c.key FROM counted c JOIN added a ON a.tenant_id = c.tenant_id AND a.key = c.key
    WHERE c.leads > ${MAX_KEY_LEADS} AND c.leads - a.leads <= ${MAX_KEY_LEADS} AND c.key NOT LIKE 'name:%'`;
}

async function holdersOf(tx: Tx, tables: TableMap, keys: readonly { tenant_id: string; key: string }[]): Promise<LeadRef[]> {
  if (keys.length === 0) return [];
  return tx.$queryRaw<LeadRef[]>`
    SELECT d.tenant_id, d.lead_id FROM ${ident(tables[DUPLICATE_KEYS_TABLE]!)} d
    JOIN ${recordset(keys, [['tenant_id', 'text'], ['key', 'text']])} ON d.tenant_id = r.tenant_id AND d.key = r.key`;
}

/** For every pair of a touched lead and a lead sharing a key with it (one fewer-than-common), what they share and how alike their names are. */
async function pairFeatures(tx: Tx, tables: TableMap, leads: readonly LeadRef[]): Promise<PairFeatures[]> {
  const keys = ident(tables[DUPLICATE_KEYS_TABLE]!);
  const counts = ident(tables[DUPLICATE_KEY_COUNTS_TABLE]!);
  return tx.$queryRaw<PairFeatures[]>`
    WITH shared AS (
      SELECT m.tenant_id, least(m.lead_id, o.lead_id) AS a, greatest(m.lead_id, o.lead_id) AS b, m.key, (m.current AND o.current) AS current
      FROM ${recordset(leads, LEAD_COLUMNS)}
      JOIN ${keys} m ON m.tenant_id = r.tenant_id AND m.lead_id = r.lead_id
      JOIN ${counts} c ON c.tenant_id = m.tenant_id AND c.key = m.key
      JOIN ${keys} o ON o.tenant_id = m.tenant_id AND o.key = m.key AND o.lead_id <> m.lead_id
      WHERE c.leads <= ${MAX_KEY_LEADS} AND m.key NOT LIKE 'name:%'
    ), pairs AS (
      SELECT tenant_id, a, b, array_agg(key ORDER BY key) AS keys, array_agg(current ORDER BY key) AS currents
      FROM (SELECT DISTINCT tenant_id, a, b, key, current FROM shared) s
      GROUP BY tenant_id, a, b
    )
    SELECT p.tenant_id, p.a, p.b, p.keys, p.currents,
      (SELECT coalesce(max(similarity(substr(x.key, 6), substr(y.key, 6))), 0)
       FROM ${keys} x JOIN ${keys} y ON y.tenant_id = x.tenant_id AND y.lead_id = p.b AND y.key LIKE 'name:%'
       WHERE x.tenant_id = p.tenant_id AND x.lead_id = p.a AND x.key LIKE 'name:%')::float8 AS name_similarity
    FROM pairs p`;
}

/** Replaces every pair of the touched leads with the pairs judged now (each pair once: the features are grouped by pair). */
async function writePairs(tx: Tx, tables: TableMap, leads: readonly LeadRef[], pairs: readonly object[]): Promise<void> {
  const table = ident(tables[DUPLICATE_PAIRS_TABLE]!);
  // One side at a time, each on its own index (an OR of the two would scan the table).
  await tx.$executeRaw`DELETE FROM ${table} p USING ${recordset(leads, LEAD_COLUMNS)} WHERE p.tenant_id = r.tenant_id AND p.lead_a = r.lead_id`;
  await tx.$executeRaw`DELETE FROM ${table} p USING ${recordset(leads, LEAD_COLUMNS)} WHERE p.tenant_id = r.tenant_id AND p.lead_b = r.lead_id`;
  if (pairs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO ${table} (tenant_id, lead_a, lead_b, score, reasons)
    SELECT tenant_id, lead_a, lead_b, score, reasons FROM ${recordset(pairs, PAIR_COLUMNS)}`;
}

function uniqueLeads(rows: readonly LeadRef[]): LeadRef[] {
  const leads = new Map<string, LeadRef>();
  for (const { tenant_id, lead_id } of rows) leads.set(`${tenant_id}\u0000${lead_id}`, { tenant_id, lead_id });
  return [...leads.values()];
}
