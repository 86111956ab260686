// What each agent did each day (UTC): calls, the calls that reached the person, conversions. Async,
// fed from the global log: the manager's Today page reads a handful of rows instead of the day's
// events. A batch adds its counts to the rows; checkpoints make sure each event is counted once.
import { Prisma } from '@/lib/generated/prisma/client';
import { ident } from '@/lib/db/sql';
import { isLeadEvent } from '@/lib/leads';
import { recordset } from '../engine/sql';
import type { AsyncProjection } from '../engine/types';

export const AGENT_ACTIVITY_TABLE = 'agent_activity';

type Counts = { tenant_id: string; day: string; agent_id: string; calls: number; contacts: number; conversions: number };

export const agentActivityProjection: AsyncProjection = {
  name: 'agent-activity',
  tables: [AGENT_ACTIVITY_TABLE],
  async apply(tx, events, tables) {
    const rows = new Map<string, Counts>();
    const count = (tenantId: string, at: Date, agentId: string | null | undefined, field: 'calls' | 'contacts' | 'conversions') => {
      if (!agentId) return;
      const day = at.toISOString().slice(0, 10);
      const key = `${tenantId}\u0000${day}\u0000${agentId}`;
      const row = rows.get(key) ?? { tenant_id: tenantId, day, agent_id: agentId, calls: 0, contacts: 0, conversions: 0 };
      row[field] += 1;
      rows.set(key, row);
    };
    for (const event of events) {
      if (!isLeadEvent(event)) continue;
      if (event.type === 'CallOutcomeRecorded') {
        const agent = event.data.agentId ?? event.metadata.actor;
        count(event.tenantId, event.occurredAt, agent, 'calls');
        if (event.data.contact) count(event.tenantId, event.occurredAt, agent, 'contacts');
      }
      if (event.type === 'StatusChanged' && event.data.to === 'Converted' && event.data.mergeId === undefined) count(event.tenantId, event.occurredAt, event.metadata.actor, 'conversions');
    }
    if (rows.size === 0) return;
    const table = ident(tables[AGENT_ACTIVITY_TABLE]!);
    await tx.$executeRaw`
      INSERT INTO ${table} (tenant_id, day, agent_id, calls, contacts, conversions)
      SELECT tenant_id, day, agent_id, calls, contacts, conversions
      FROM ${recordset([...rows.values()], [['tenant_id', 'text'], ['day', 'date'], ['agent_id', 'text'], ['calls', 'int'], ['contacts', 'int'], ['conversions', 'int']])}
      ON CONFLICT (tenant_id, day, agent_id) DO UPDATE SET
        calls = ${table}.calls + excluded.calls,
        contacts = ${table}.contacts + excluded.contacts,
        conversions = ${table}.conversions + excluded.conversions`;
  },
};
