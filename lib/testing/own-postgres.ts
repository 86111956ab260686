// A PostgreSQL server of a test's own, for fault tests that stop, restart or kill it: its own port
// and its own data folder (deleted afterwards), so the shared test server is never disturbed.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase, migrate } from '@/scripts/lib/database';
import { embeddedServer, type EmbeddedServer } from '@/scripts/lib/embedded-postgres';

export type OwnPostgres = {
  readonly server: EmbeddedServer;
  /** The migrated `leadstream` database on it. */
  readonly url: string;
  /** Stops the server and deletes its data. */
  dispose(): Promise<void>;
};

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadstream-fault-'));
  fs.chmodSync(dataDir, 0o755); // the server runs as its own user (as root: `postgres`), which must reach its folder
  const server = embeddedServer({ dataDir: path.join(dataDir, 'pg'), port: await freePort() });
  await server.start();
  const url = await ensureDatabase({ urlFor: server.url, stop: async () => {} }, 'leadstream');
  migrate(url);
  return {
    server,
    url,
    async dispose() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
