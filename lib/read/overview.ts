import 'server-only';
// What the home page shows of a tenant: how many leads and events, and the latest activity.
import type { Db } from '@/lib/db/client';
import { logCounts, recentLeadEvents } from './event-log/recent';
import { leadNames, statusCounts } from './lead-table/sources';
import { actorNames } from './organisation/users';

export type RecentChange = { position: string; leadId: string; leadName: string; type: string; actor: string | null; occurredAt: string };

export type Overview = {
  tenantName: string;
  leadCount: number;
  eventCount: number;
  statusCounts: { status: string; count: number }[];
  recent: RecentChange[];
};

export async function getOverview(db: Db, tenantId: string): Promise<Overview | null> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) return null;
  const [counts, statuses, recent, names] = await Promise.all([logCounts(db, tenantId), statusCounts(db, tenantId), recentLeadEvents(db, tenantId), actorNames(db, tenantId)]);
  const leads = await leadNames(db, tenantId, recent.map((event) => event.leadId));
  return {
    tenantName: tenant.name,
    leadCount: counts.leads,
    eventCount: counts.events,
    statusCounts: statuses,
    recent: recent.map((event) => ({
      ...event,
      leadName: leads.get(event.leadId) ?? 'Lead',
      actor: event.actor ? (names.get(event.actor) ?? event.actor) : null,
    })),
  };
}
