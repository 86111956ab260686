// Long work that carries on after the request that started it (an import, a bulk change): which
// runs are going on in this server process, and a few tasks at a time so the rest of the app stays
// responsive. A run cut off by a restart is not here any more: its own stream shows it interrupted.

/** The runs of one kind going on in this process, by key, shared by every copy of the module (Next bundles a copy per route). */
export function liveRuns<Run>(name: string): Map<string, Run> {
  const shared = globalThis as unknown as Record<string, Map<string, Run> | undefined>;
  return (shared[name] ??= new Map());
}

/** Runs the tasks, at most `concurrency` at once, in order; stops starting new ones once `stopped()` says so. */
export async function runBounded(tasks: readonly (() => Promise<void>)[], concurrency: number, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!stopped() && next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
