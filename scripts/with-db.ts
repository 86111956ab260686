// Runs a command with DATABASE_URL pointing at an up-to-date Leadstream database:
//   tsx scripts/with-db.ts <command> [args...]
// LEADSTREAM_DB names the database (default `leadstream`). The embedded server, if this script
// started it, stops when the command ends or on Ctrl-C.
import { spawn } from 'node:child_process';
import { ensureDatabase, migrate, openDatabaseServer } from './lib/database';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx scripts/with-db.ts <command> [args...]');
  process.exit(2);
}

const server = await openDatabaseServer();
const databaseUrl = await ensureDatabase(server, process.env.LEADSTREAM_DB ?? 'leadstream');
migrate(databaseUrl);

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
await server.stop();
process.exit(code);
