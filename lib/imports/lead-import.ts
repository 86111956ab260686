import 'server-only';
// Importing leads: each row a RegisterLead command, checked against the tenant first (who may own
// its lead, by email, and the phones and emails its leads hold or held, through the search terms), and
// stored a batch of rows per statement (executeNewLeads), each row decided as if sent alone.
import { executeLeadCommand, executeNewLeads } from '@/lib/commands/lead-commands';
import { assignable, tenantUsers } from '@/lib/read/organisation/users';
import { contactHolders } from '@/lib/read/search-terms/contact-holders';
import { rowChecker, type RegisterLeadData } from './check-rows';
import { rowCommandId, rowLeadId } from './import-ids';
import type { ImportKind } from './import-kind';
import { LEAD_ROWS, type ImportRecord } from './mapping';

export const leadImports: ImportKind<RegisterLeadData> = {
  name: 'leads',
  shape: LEAD_ROWS,
  async *check(db, tenant, importId, source, now) {
    const users = await tenantUsers(db, tenant.tenantId);
    const owners = new Map(assignable(users).map((user) => [user.email.toLowerCase(), user.id]));
    const others = new Set(users.map((user) => user.email.toLowerCase()).filter((email) => !owners.has(email)));
    const checker = rowChecker({ region: tenant.region, now, owners, cannotOwn: others, leadIdFor: (index) => rowLeadId(importId, index) });
    let first = 0;
    for await (const records of source.batches()) {
      const read = checker.read(records as readonly ImportRecord[], first);
      const existing = await contactHolders(db, tenant.tenantId, read.contactKeys);
      const checks = checker.check(read, existing).map(({ index, errors, notes, lead }) => ({ index, errors, notes, row: lead }));
      yield { first, records, checks };
      first += records.length;
    }
  },
  async store(store, context, importId, index, lead) {
    return executeLeadCommand(store, context, { type: 'RegisterLead', commandId: rowCommandId(importId, index), data: lead });
  },
  async storeBatch(store, context, importId, rows) {
    const ids = rows.map(({ index }) => rowLeadId(importId, index));
    const earlier = await store.db.stream.findMany({ where: { tenantId: context.tenantId, streamId: { in: ids } }, select: { streamId: true } });
    const stored = new Set(earlier.map((stream) => stream.streamId));
    const fresh = rows.filter(({ index }) => !stored.has(rowLeadId(importId, index)));
    const appended = await executeNewLeads(
      store,
      fresh.map(({ index, row }) => [{ context, input: { type: 'RegisterLead', commandId: rowCommandId(importId, index), data: row } }]),
      { onRefused: () => {} }, // a row the rules refuse is skipped, as when stored alone
    );
    return { stored: appended.length };
  },
};
