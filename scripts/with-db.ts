// Runs a command with DATABASE_URL pointing at an up-to-date Leadstream database:
//   tsx scripts/with-db.ts <command> [args...]
// LEADSTREAM_DB names the database (default `leadstream`). This process uses the embedded server
// (if any) until the command ends or is stopped (Ctrl-C, SIGTERM), then gives it up.
import { runChild } from './lib/children';
import { masterKeyText } from '../lib/erasure/master-key';
import { ensureDatabase, migrate, openDatabaseServer } from './lib/database';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx scripts/with-db.ts <command> [args...]');
  process.exit(2);
}

const server = await openDatabaseServer();
let code = 1;
try {
  const databaseUrl = await ensureDatabase(server, process.env.LEADSTREAM_DB ?? 'leadstream');
  migrate(databaseUrl);
  code = await runChild(command, args, { ...process.env, DATABASE_URL: databaseUrl, LEADSTREAM_MASTER_KEY: masterKeyText() });
} finally {
  await server.stop();
}
process.exit(code);
