// Seeds the demo tenants into DATABASE_URL (run through scripts/with-db.ts or `npm start`).
import { createDb } from '@/lib/db/client';
import { DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS } from '@/lib/demo/demo-tenant';
import { seedDemo } from '@/lib/demo/seed-demo';

const db = createDb(process.env.DATABASE_URL!);
const started = Date.now();
const result = await seedDemo(db, { leads: Number(process.env.DEMO_LEADS ?? 2000) });
console.log(
  result.created
    ? `Seeded ${result.leads} demo leads for ${DEMO_TENANT.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`
    : `Demo data present: ${result.leads} leads for ${DEMO_TENANT.name}`,
);
console.log(`\nDemo users (password for all: ${DEMO_PASSWORD}):`);
for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}`);
await db.$disconnect();
