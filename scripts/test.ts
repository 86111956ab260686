// `npm test`: every test, on a fresh database. Unit and integration tests (Vitest) first, then the
// browser tests (Playwright in Debian's Chromium, installed here when missing).
// The browser tests' production build is made during the Vitest run, at the lowest CPU priority
// (nice 19): it takes only the CPU the integration tests leave idle (they run one file at a time),
// so their timing is not disturbed, and the browser tests do not wait two minutes for it.
import fs from 'node:fs';
import path from 'node:path';
import { e2eServerEnv } from '../e2e/support/web-server';
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
  const buildLog = path.resolve('.data', 'e2e-build.log');
  fs.mkdirSync(path.dirname(buildLog), { recursive: true });
  const built = runChild('nice', ['-n', '19', 'next', 'build'], { ...env, ...e2eServerEnv }, { log: buildLog });
  failed = (await run('vitest', ['run'], env)) !== 0;
  const buildFailed = (await built) !== 0;
  if (buildFailed) console.error(`\nThe browser tests' build failed:\n${fs.readFileSync(buildLog, 'utf8')}`);
  failed ||= buildFailed;
  if (!failed) {
    ensureChromium();
    failed = (await run('playwright', ['test'], { ...env, E2E_BUILT: '1' })) !== 0;
  }
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return runChild(command, args, env);
}
