// What the agent and source filters offer: the tenant's users who work leads (deactivated ones too:
// their past work stays in the figures), and its leads' sources.
import 'server-only';
import { can } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/client';
import { leadSources } from '@/lib/read/lead-table/sources';
import { tenantUsers } from '@/lib/read/organisation/users';
import type { FilterOptions } from './filters';

export async function analyticsFilterOptions(db: Db, tenantId: string): Promise<FilterOptions> {
  const [users, sources] = await Promise.all([tenantUsers(db, tenantId), leadSources(db, tenantId)]);
  const agents = users.filter((user) => can(user.role, 'work-leads')).map(({ id, name }) => ({ id, name }));
  return { agents, sources };
}
