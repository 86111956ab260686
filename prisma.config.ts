import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// Prisma 6.19 runs its CLI without a native engine when it is given a driver adapter; migrations
// then run in the WebAssembly schema engine that ships inside the `prisma` package.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error('DATABASE_URL is not set: run Prisma through `npm run db:migrate` or scripts/with-db.ts');
    }
    return new PrismaPg({ connectionString });
  },
});
