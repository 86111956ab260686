// The demo tenant: a call center with agents of every role and a few hundred leads with history,
// written through the same command handler the app uses. Every demo command has a fixed id, so
// seeding again (after an interrupted run, say) finishes the job and never writes anything twice.
import { createLeadStore } from '@/lib/commands/lead-store';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import type { Db } from '@/lib/db/client';
import { demoLeadHistory, uuidFrom } from './demo-leads';
import { DEMO_AGENTS, DEMO_TENANT } from './demo-tenant';
import { seededRandom } from './random';

const SEED = 20261123;

export async function seedDemo(db: Db, { leads = 500, now = new Date() } = {}): Promise<{ created: boolean; leads: number }> {
  await db.tenant.upsert({ where: { id: DEMO_TENANT.id }, create: DEMO_TENANT, update: {} });
  const existing = await db.stream.count({ where: { tenantId: DEMO_TENANT.id, streamType: 'lead' } });
  if (existing >= leads) return { created: false, leads: existing };

  const store = createLeadStore(db);
  const random = seededRandom(SEED);
  const leadIds = Array.from({ length: leads }, () => uuidFrom(random));
  const seedLead = async (index: number) => {
    const history = demoLeadHistory(SEED, index, leadIds[index]!, DEMO_AGENTS, now);
    for (const [step, command] of history.entries()) {
      await executeLeadCommand(
        store,
        { tenantId: DEMO_TENANT.id, actorId: command.actorId, region: DEMO_TENANT.defaultRegion, now: command.at },
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
