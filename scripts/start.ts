// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo data, production
// build, then the app on http://localhost:3000 (PORT to change it). Ctrl-C stops it all.
//   npm start -- --dev    runs `next dev` instead of building (for working on the code)
import { spawn, spawnSync } from 'node:child_process';
import { ensureDatabase, migrate, openDatabaseServer } from './lib/database';

const dev = process.argv.includes('--dev') || process.argv.includes('dev');
const port = process.env.PORT ?? '3000';

const server = await openDatabaseServer();
const databaseUrl = await ensureDatabase(server, process.env.LEADSTREAM_DB ?? 'leadstream');
migrate(databaseUrl);
const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' };

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
