// The demo tenants: a call center with users of every role and a couple of thousand leads with months of
// history, and a second, small one (to see that tenants never meet). Every command is decided by the
// same code the app's commands go through, and the leads are appended in batches, each batch one
// statement. Lead ids are fixed, so seeding again (after an interrupted run, say) skips the batches
// already written and never writes anything twice.
import { createUser } from '@/lib/auth/users';
import { createSystem } from '@/lib/system';
import { dialingSnapshot } from '@/lib/system/dialing';
import { executeNewLeads } from '@/lib/commands/lead-commands';
import type { Db } from '@/lib/db/client';
import { demoLeadHistory, uuidFrom } from './demo-leads';
import { DEMO_AGENTS, DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS, OTHER_TENANT } from './demo-tenant';
import { seededRandom } from './random';

const SEED = 20261123;
/** Leads per append statement. */
const BATCH = 250;

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

  const system = createSystem(db);
  const { store } = system;
  const dialing = await dialingSnapshot(system.dialing, db, tenantId);
  const random = seededRandom(seed);
  const leadIds = Array.from({ length: leads }, () => uuidFrom(random));
  for (let start = 0; start < leads; start += BATCH) {
    const batch = leadIds.slice(start, start + BATCH);
    const written = await db.stream.count({ where: { tenantId, streamId: { in: batch } } });
    if (written === batch.length) continue; // an earlier run wrote this batch (a batch is all or nothing)
    await executeNewLeads(store, batch.map((leadId, offset) =>
      demoLeadHistory(seed, start + offset, leadId, agents, now).map((command, step) => ({
        context: { tenantId, actorId: command.actorId, region: 'GB' as const, now: command.at, dialing },
        input: { ...command.input, commandId: `demo-${start + offset}-${step}` },
      }))));
  }
  return { created: true, leads };
}
