// The scripts' child processes (the seed, the build, the Next server, vitest, a benchmark). A signal
// sent to the script (SIGTERM from a process manager or container runtime, SIGINT from Ctrl-C) goes
// on to the running child, and the script goes on to its own clean-up (giving up the database
// server) once the child has ended: nothing is left running behind it.
// The scripts run as `node --import tsx`, never under tsx's own command: it relays a signal to its
// child and, if the child has not answered within 60 ms (a busy machine, a blocking spawnSync),
// kills it outright, clean-up and all, leaving the embedded database running.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const running = new Set<ChildProcess>();
let stopSignal: NodeJS.Signals | null = null;
/** How long a child may take to finish after the signal (requests in flight, say) before it is killed. */
const GRACE_MS = Number(process.env.LEADSTREAM_SHUTDOWN_GRACE_MS ?? 30_000);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopSignal) return; // a Ctrl-C reaches the whole process group: the children have it already
    stopSignal = signal;
    for (const child of running) stopChild(child, signal);
  });
}

/** The signal this script was asked to stop with, if any: later steps are skipped then. */
export const stopRequested = (): NodeJS.Signals | null => stopSignal;

/**
 * Runs a command to its end, output shared with this process or (given `log`) written to that file;
 * resolves with its exit code.
 */
export function runChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, { log }: { log?: string } = {}): Promise<number> {
  if (stopSignal) return Promise.resolve(1);
  const output = log ? fs.openSync(log, 'w') : null;
  const child = spawn(command, args, { stdio: output === null ? 'inherit' : ['ignore', output, output], env });
  if (output !== null) fs.closeSync(output); // the child has its own copy
  running.add(child);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      running.delete(child);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): void {
  child.kill(signal);
  const killer = setTimeout(() => {
    console.error(`${child.spawnfile} did not stop within ${GRACE_MS / 1000} s: killing it`);
    child.kill('SIGKILL');
  }, GRACE_MS);
  killer.unref();
  child.once('exit', () => clearTimeout(killer));
}
