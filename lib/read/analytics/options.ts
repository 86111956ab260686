// What the agent and source filters offer: the tenant's users who work leads, and its leads' sources.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { leadSources } from '@/lib/read/lead-table/sources';
import { assignableUsers } from '@/lib/read/organisation/users';
import type { FilterOptions } from './filters';

export async function analyticsFilterOptions(db: Db, tenantId: string): Promise<FilterOptions> {
  const [agents, sources] = await Promise.all([assignableUsers(db, tenantId), leadSources(db, tenantId)]);
  return { agents, sources };
}
