// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo data, production
// build, then the app on http://localhost:3000 (PORT to change it).
//   npm start -- --dev       runs `next dev` instead of building (for working on the code)
//   npm start -- --no-build  serves the build already made (by `npm run build`)
// SIGTERM or SIGINT (Ctrl-C) stops it all in order: the app stops taking requests and finishes
// those in flight, its projector stops, then the embedded database stops unless another process
// still uses it (scripts/lib/database.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runChild, stopRequested } from './lib/children';
import { masterKeyText } from '../lib/erasure/master-key';
import { ensureDatabase, migrate, openDatabaseServer } from './lib/database';

const dev = process.argv.includes('--dev') || process.argv.includes('dev');
const build = !dev && !process.argv.includes('--no-build');
const port = process.env.PORT ?? '3000';

const server = await openDatabaseServer();
let code = 1;
try {
  const databaseUrl = await ensureDatabase(server, process.env.LEADSTREAM_DB ?? 'leadstream');
  migrate(databaseUrl);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    BETTER_AUTH_SECRET: authSecret(),
    LEADSTREAM_MASTER_KEY: masterKeyText(),
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
  };
  code = await runChild(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], env);
  if (code === 0 && build) code = await runChild('next', ['build'], env);
  if (code === 0 && !stopRequested()) {
    const app = runChild('next', [dev ? 'dev' : 'start', '--port', port], env);
    console.log(`\nLeadstream: http://localhost:${port}  (Ctrl-C to stop)\n`);
    code = await app;
  }
  if (stopRequested()) {
    console.log('Leadstream stopped.');
    code = 0;
  }
} finally {
  await server.stop();
}
process.exit(code);

/** The secret that signs session cookies: BETTER_AUTH_SECRET, or one made once and kept in .data/. */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.resolve('.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
