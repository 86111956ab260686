import 'server-only';
// Which leads hold (or held) a phone or email, exact match, as search stores them (phones as E.164
// digits, emails lower-case): the lead page's duplicate warning and the import's duplicate check.
// Read from the search index, so a lead registered a moment ago may be missing: this warns, it does
// not guard.
import type { Db } from '@/lib/db/client';
import { normaliseEmail, normalisePhone, type Region } from '@/lib/leads/contact';
import { contactKey, phoneDigits } from './normalize';

export type ContactHolder = { readonly leadId: string; readonly name: string };

/** Other leads of the tenant that hold this phone or email now. */
export async function leadsHoldingContact(
  db: Db,
  tenantId: string,
  { kind, value, region, excludeLeadId }: { kind: 'phone' | 'email'; value: string; region: Region; excludeLeadId?: string },
): Promise<ContactHolder[]> {
  const normalized = kind === 'phone' ? phoneOrNull(value, region) : normaliseEmail(value);
  if (!normalized) return [];
  const rows = await db.$queryRaw<{ lead_id: string; name: string }[]>`
    SELECT l.lead_id, l.name
    FROM search_terms t JOIN leads l ON l.tenant_id = t.tenant_id AND l.lead_id = t.lead_id
    WHERE t.tenant_id = ${tenantId} AND t.kind = ${kind} AND t.normalized = ${normalized} AND t.current
      AND t.lead_id <> ${excludeLeadId ?? ''}
    ORDER BY l.name, l.lead_id
    LIMIT 5`;
  return rows.map((row) => ({ leadId: row.lead_id, name: row.name }));
}

function phoneOrNull(value: string, region: Region): string | null {
  const phone = normalisePhone(value, region);
  return phone ? phoneDigits(phone.e164) : null;
}

/** A lead that holds a phone or email now (`current`), or held it before. */
export type PastOrPresentHolder = ContactHolder & { readonly current: boolean };

/**
 * Contact key to the lead holding it now, oldest lead first; failing that, the oldest lead that held
 * it before. One array parameter each: 10,000 rows exceed Postgres' bind limit otherwise.
 */
export async function contactHolders(db: Db, tenantId: string, keys: readonly string[]): Promise<Map<string, PastOrPresentHolder>> {
  if (keys.length === 0) return new Map();
  const phones = keys.filter((key) => key.startsWith('phone:')).map((key) => key.slice('phone:'.length));
  const emails = keys.filter((key) => key.startsWith('email:')).map((key) => key.slice('email:'.length));
  const rows = await db.$queryRaw<{ kind: 'phone' | 'email'; normalized: string; lead_id: string; name: string; current: boolean }[]>`
    SELECT t.kind, t.normalized, t.lead_id, l.name, t.current
    FROM search_terms t JOIN leads l ON l.tenant_id = t.tenant_id AND l.lead_id = t.lead_id
    WHERE t.tenant_id = ${tenantId}
      AND ((t.kind = 'phone' AND t.normalized = ANY(${phones}::text[])) OR (t.kind = 'email' AND t.normalized = ANY(${emails}::text[])))
    ORDER BY t.current DESC, l.created_at`;
  const holders = new Map<string, PastOrPresentHolder>();
  for (const row of rows) {
    const key = contactKey(row.kind, row.normalized);
    if (!holders.has(key)) holders.set(key, { leadId: row.lead_id, name: row.name, current: row.current });
  }
  return holders;
}
