// `npm test`: every test, on a fresh database. Unit and integration tests (Vitest) first, then the
// browser tests (Playwright in Debian's Chromium, installed here when missing).
import { spawnSync } from 'node:child_process';
import { ensureDatabase, migrate, openDatabaseServer } from './lib/database';
import { ensureChromium } from './lib/chromium';

const server = await openDatabaseServer();
let failed = false;
try {
  const databaseUrl = await ensureDatabase(server, 'leadstream_test', { fresh: true });
  migrate(databaseUrl);
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' };
  failed = run('vitest', ['run'], env) !== 0;
  if (!failed) {
    ensureChromium();
    failed = run('playwright', ['test'], env) !== 0;
  }
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
}
