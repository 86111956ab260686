import 'server-only';
// The manager's Today page: per agent what they did today (UTC), how their callbacks due today went
// and what they hold now; per source where its leads stand in the dialing loop.
import type { Db } from '@/lib/db/client';
import { agentActivityOn } from './agent-activity/queries';
import { heldLeads, poolBySource, type SourcePool } from './lead-table/pool-by-source';
import { assignable, tenantUsers } from './organisation/users';
import { callbackLateness } from './status-history/queries-callbacks';

export type AgentToday = {
  readonly agentId: string;
  readonly name: string;
  readonly calls: number;
  readonly contacts: number;
  readonly conversions: number;
  readonly callbacksMet: number;
  readonly callbacksMissed: number;
  readonly holding: { readonly leadId: string; readonly name: string; readonly until: string } | null;
};

export type Today = { readonly day: string; readonly agents: readonly AgentToday[]; readonly sources: readonly SourcePool[] };

export async function loadToday(db: Db, tenantId: string, now: Date): Promise<Today> {
  const day = now.toISOString().slice(0, 10);
  const dayStart = new Date(`${day}T00:00:00Z`);
  const [users, activity, lateness, held, sources] = await Promise.all([
    tenantUsers(db, tenantId),
    agentActivityOn(db, tenantId, day),
    callbackLateness(db, tenantId, { from: dayStart, to: new Date(dayStart.getTime() + 86_400_000), now }),
    heldLeads(db, tenantId, now),
    poolBySource(db, tenantId, now),
  ]);
  const agents = assignable(users).map((user) => {
    const did = activity.find((row) => row.agentId === user.id);
    const callbacks = lateness.find((row) => row.agent === user.id);
    const holding = held.find((row) => row.agentId === user.id);
    return {
      agentId: user.id,
      name: user.name,
      calls: did?.calls ?? 0,
      contacts: did?.contacts ?? 0,
      conversions: did?.conversions ?? 0,
      callbacksMet: (callbacks?.onTime ?? 0) + (callbacks?.late ?? 0),
      callbacksMissed: callbacks?.missed ?? 0,
      holding: holding ? { leadId: holding.leadId, name: holding.name, until: holding.until } : null,
    };
  });
  return { day, agents, sources };
}
