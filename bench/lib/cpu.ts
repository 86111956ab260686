// CPU time a measurement spent, a figure that holds on a shared, noisy machine where wall-clock
// rates swing with the neighbours: this process's (user + system) and that of every PostgreSQL
// process on the machine, read from /proc (the embedded server the benchmarks start; a server on
// another machine shows as 0, and an idle one beside it adds next to nothing).
import fs from 'node:fs';

export type CpuSpent = { nodeMs: number; postgresMs: number };

/** Linux counts process CPU time in ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

function postgresTicks(): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const nameEnd = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, nameEnd) !== 'postgres') continue;
      const fields = stat.slice(nameEnd + 2).split(' '); // from the 3rd field on: utime is the 14th, stime the 15th
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while the list was read.
    }
  }
  return ticks;
}

/** Starts counting; the function it returns gives the CPU spent since. */
export function cpuMeter(): () => CpuSpent {
  const node = process.cpuUsage();
  const postgres = postgresTicks();
  return () => {
    const spent = process.cpuUsage(node);
    return { nodeMs: (spent.user + spent.system) / 1000, postgresMs: (postgresTicks() - postgres) * TICK_MS };
  };
}

export const addCpu = (a: CpuSpent, b: CpuSpent): CpuSpent => ({ nodeMs: a.nodeMs + b.nodeMs, postgresMs: a.postgresMs + b.postgresMs });
