// New leads without an owner go to the agents of their source's rule, in turn, skipping an agent
// who was deactivated; each assignment is an event naming the rule that made it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIALING_RULES, type AssignmentRule } from '@/lib/dialing/rules';
import type { CurrentUser } from '@/lib/gate/principal';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { createAssigner } from './assignment';
import { executeLeadCommand } from './lead-commands';
import { changeUserAccess } from './staff-service';

const db = testDb();
const system = createSystem(db);

describe('assignment rules', () => {
  it('hands new leads of a source round the rule\u2019s active agents, and records the rule with each assignment', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const ids = await Promise.all(['ana', 'ben', 'cleo', 'adam'].map(async (name) => {
      const id = `${tenantId}-${name}`;
      await db.user.create({ data: { id, name, role: name === 'adam' ? 'admin' : 'agent', tenantId, email: `${id}@example.com` } });
      return id;
    }));
    const [ana, ben, cleo, adam] = ids as [string, string, string, string];
    const admin: CurrentUser = { kind: 'user', id: adam, name: 'Adam', email: `${adam}@example.com`, tenantId, role: 'admin' };
    await changeUserAccess(system, admin, 'deactivate', { userId: cleo, reason: 'Left the team' });

    const rule: AssignmentRule = { source: 'web', mode: 'round-robin', agents: [ana, ben, cleo].map((userId) => ({ userId, weight: 1 })) };
    const assign = createAssigner(db, async () => ({ ...DEFAULT_DIALING_RULES, assignment: [rule] }));
    const register = async (source: string, ownerId: string | null = null) => {
      const leadId = randomUUID();
      await executeLeadCommand(system.store, { tenantId, actorId: 'web-form', region: 'GB', assign }, { type: 'RegisterLead', data: { leadId, name: 'New Lead', emails: [`${leadId}@example.com`], source, ownerId } });
      return (await system.store.readStream(tenantId, leadId)).map((event) => [event.type, event.data]);
    };

    const owners = [];
    for (let i = 0; i < 4; i++) owners.push((await register('web'))[1]);
    expect(owners).toEqual([ana, ben, ana, ben].map((ownerId) => ['LeadAssigned', { ownerId, previousOwnerId: null, rule: 'round-robin:web' }]));
    expect(await register('web', ben)).toHaveLength(1); // a person named the owner: no rule
    expect(await register('fair')).toHaveLength(1); // no rule for this source
  });
});
