// `npm test`: every test, on a fresh database. Unit and integration tests (Vitest) first, then the
// browser tests (Playwright in Debian's Chromium, installed here when missing).
import { runChild } from './lib/children';
import { ensureChromium } from './lib/chromium';
import { masterKeyText } from '../lib/erasure/master-key';
import { ensureDatabase, migrate, openDatabaseServer } from './lib/database';

const server = await openDatabaseServer();
let failed = true;
try {
  const databaseUrl = await ensureDatabase(server, 'leadstream_test', { fresh: true });
  migrate(databaseUrl);
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1', LEADSTREAM_MASTER_KEY: masterKeyText() };
  failed = (await run('vitest', ['run'], env)) !== 0;
  if (!failed) {
    ensureChromium();
    failed = (await run('playwright', ['test'], env)) !== 0;
  }
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return runChild(command, args, env);
}
