import 'server-only';
// Each agent's calls, contacts and conversions on a day (UTC).
import type { Db } from '@/lib/db/client';

export type AgentDay = { readonly agentId: string; readonly calls: number; readonly contacts: number; readonly conversions: number };

export async function agentActivityOn(db: Db, tenantId: string, day: string): Promise<AgentDay[]> {
  return db.$queryRaw<AgentDay[]>`
    SELECT agent_id AS "agentId", calls, contacts, conversions FROM agent_activity
    WHERE tenant_id = ${tenantId} AND day = ${day}::date ORDER BY agent_id`;
}
