// `prisma generate` needs DATABASE_URL to be set (it never connects); without it Prisma 6.19 tries
// to download a native engine, which fails offline. A placeholder is enough for generating.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || 'postgresql://generate@localhost/generate' };
const result = spawnSync('prisma', ['generate'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
