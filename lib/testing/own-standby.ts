// A primary and a hot standby of PostgreSQL's own streaming replication, for tests of reads on a
// standby: each with its own port and data folder in one temporary folder (deleted afterwards),
// never the shared test server. The embedded binaries have no pg_basebackup, so the standby is a
// copy of the primary's data folder taken while the primary is stopped (a consistent base backup:
// it starts from the shutdown checkpoint), plus `standby.signal` and `primary_conninfo`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase, migrate } from '@/scripts/lib/database';
import { embeddedServer, SUPERUSER, SUPERUSER_PASSWORD, type EmbeddedServer } from '@/scripts/lib/embedded-postgres';

export type OwnStandby = {
  readonly primary: EmbeddedServer;
  readonly standby: EmbeddedServer;
  /** The migrated `leadstream` database on the primary, and the same on the standby. */
  readonly primaryUrl: string;
  readonly standbyUrl: string;
  /** Stops both servers and deletes their data. */
  dispose(): Promise<void>;
};

// Two servers on a shared 2-core machine: small, and the standby tells the primary which rows its
// queries still need (hot_standby_feedback), so a long export is not cancelled by a vacuum there.
const SMALL = { shared_buffers: '32MB', max_connections: 60 };

export async function startPrimaryAndStandby({ primaryPort, standbyPort }: { primaryPort: number; standbyPort: number }): Promise<OwnStandby> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'leadstream-standby-'));
  fs.chmodSync(root, 0o755); // the servers run as their own user (as root: `postgres`), which must reach their folders
  const primary = embeddedServer({ dataDir: path.join(root, 'primary'), port: primaryPort, settings: { ...SMALL, wal_level: 'replica', max_wal_senders: 4 } });
  const standby = embeddedServer({ dataDir: path.join(root, 'standby'), port: standbyPort, settings: { ...SMALL, hot_standby: 'on', hot_standby_feedback: 'on' } });
  const dispose = async () => {
    await standby.stop().catch(() => {});
    await primary.stop().catch(() => {});
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await primary.start();
    const primaryUrl = await ensureDatabase({ urlFor: primary.url, stop: async () => {} }, 'leadstream');
    migrate(primaryUrl);
    await primary.stop();
    copyAsStandby(primary.dataDir, standby.dataDir, primaryPort);
    await primary.start();
    await standby.start(); // pg_ctl -w returns once the standby is consistent and accepts read-only connections
    return { primary, standby, primaryUrl, standbyUrl: standby.url('leadstream'), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function copyAsStandby(primaryDir: string, standbyDir: string, primaryPort: number): void {
  // `cp -a` keeps the owner and the 0700 mode PostgreSQL insists on.
  const copied = spawnSync('cp', ['-a', primaryDir, standbyDir], { encoding: 'utf8' });
  if (copied.status !== 0) throw new Error(`Could not copy the primary's data folder: ${copied.stderr}`);
  fs.rmSync(path.join(standbyDir, 'server.log'), { force: true });
  const conninfo = `host=127.0.0.1 port=${primaryPort} user=${SUPERUSER} password=${SUPERUSER_PASSWORD} application_name=leadstream_standby`;
  fs.appendFileSync(path.join(standbyDir, 'postgresql.auto.conf'), `primary_conninfo = '${conninfo}'\n`);
  fs.writeFileSync(path.join(standbyDir, 'standby.signal'), '');
  const owner = fs.statSync(standbyDir);
  for (const file of ['postgresql.auto.conf', 'standby.signal']) fs.chownSync(path.join(standbyDir, file), owner.uid, owner.gid);
}
