// The demo tenants: a call center with users of every role and a couple of thousand leads with months of
// history, and a second, small one (to see that tenants never meet). Everything is written through
// the same command handler the app uses. Every demo command has a fixed id, so seeding again (after
// an interrupted run, say) finishes the job and never writes anything twice.
import { createUser } from '@/lib/auth/users';
import { createSystem } from '@/lib/system';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import type { Db } from '@/lib/db/client';
import { demoLeadHistory, uuidFrom } from './demo-leads';
import { DEMO_AGENTS, DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS, OTHER_TENANT } from './demo-tenant';
import { seededRandom } from './random';

const SEED = 20261123;

export async function seedDemo(db: Db, { leads = 2000, now = new Date() } = {}): Promise<{ created: boolean; leads: number }> {
  for (const tenant of [DEMO_TENANT, OTHER_TENANT]) await db.tenant.upsert({ where: { id: tenant.id }, create: tenant, update: {} });
  for (const { id, tenantId, ...user } of DEMO_USERS) {
    if (!(await db.user.findUnique({ where: { id } }))) await createUser(db, tenantId, { ...user, password: DEMO_PASSWORD }, { id });
  }
  await seedLeads(db, OTHER_TENANT.id, 20, SEED + 1, ['sam'], now);
  return seedLeads(db, DEMO_TENANT.id, leads, SEED, DEMO_AGENTS, now);
}

async function seedLeads(db: Db, tenantId: string, leads: number, seed: number, agents: readonly string[], now: Date) {
  const existing = await db.stream.count({ where: { tenantId, streamType: 'lead' } });
  if (existing >= leads) return { created: false, leads: existing };

  const { store, dialing } = createSystem(db);
  const random = seededRandom(seed);
  const leadIds = Array.from({ length: leads }, () => uuidFrom(random));
  const seedLead = async (index: number) => {
    const history = demoLeadHistory(seed, index, leadIds[index]!, agents, now);
    for (const [step, command] of history.entries()) {
      await executeLeadCommand(
        store,
        { tenantId, actorId: command.actorId, region: 'GB', now: command.at, dialing },
        { ...command.input, commandId: `demo-${index}-${step}` },
      );
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < leads) await seedLead(next++);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { created: true, leads };
}
