// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo data, production
// build, then the app on http://localhost:3000 (PORT to change it). Ctrl-C stops it all.
//   npm start -- --dev    runs `next dev` instead of building (for working on the code)
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ensureDatabase, migrate, openDatabaseServer } from './lib/database';

const dev = process.argv.includes('--dev') || process.argv.includes('dev');
const port = process.env.PORT ?? '3000';

const server = await openDatabaseServer();
const databaseUrl = await ensureDatabase(server, process.env.LEADSTREAM_DB ?? 'leadstream');
migrate(databaseUrl);
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXT_TELEMETRY_DISABLED: '1',
  BETTER_AUTH_SECRET: authSecret(),
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
};

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

const stopAll = async (code: number) => {
  await server.stop();
  process.exit(code);
};
const step = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) return stopAll(result.status ?? 1);
};

await step('tsx', ['scripts/seed.ts']);
if (!dev) await step('next', ['build']);
const app = spawn('next', [dev ? 'dev' : 'start', '--port', port], { stdio: 'inherit', env });
console.log(`\nLeadstream: http://localhost:${port}  (Ctrl-C to stop)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => stopAll(code ?? 0));
