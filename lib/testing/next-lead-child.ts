// A second server process for the next-lead tests: claims for each agent given, all at once, and
// prints what each got as one JSON line.
//   node --conditions=react-server --import tsx lib/testing/next-lead-child.ts <tenant> <now ISO> <agent>...
import { nextLead } from '@/lib/commands/next-lead';
import { createDb } from '@/lib/db/client';
import { createSystem } from '@/lib/system';

const [tenantId, now, ...agents] = process.argv.slice(2);
const system = createSystem(createDb(process.env.DATABASE_URL!, { poolSize: 10 }));
const results = await Promise.all(agents.map(async (agentId) => ({ agentId, ...(await nextLead(system, tenantId!, agentId, new Date(now!))) })));
process.stdout.write(`${JSON.stringify(results)}\n`);
await system.db.$disconnect();
