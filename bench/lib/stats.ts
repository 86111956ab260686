// Timing helpers: a fixed-concurrency worker pool and latency percentiles.
import { performance } from 'node:perf_hooks';
import { addCpu, cpuMeter, type CpuSpent } from './cpu';

export type Latencies = { p50: number; p95: number; p99: number; mean: number };

/** Nearest-rank percentile of already sorted samples (ms). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(samples: readonly number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

/** `task` run `warm` times untimed, then `count` times one after another, each timed. */
export async function timeRuns(task: () => Promise<unknown>, { warm, count }: { warm: number; count: number }): Promise<Latencies> {
  for (let i = 0; i < warm; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

export type PoolRun = { wallMs: number; latenciesMs: number[]; cpu: CpuSpent };

/**
 * Runs `task` over every item with at most `concurrency` in flight, in item order. Workers pull
 * from one shared cursor, so a slow task never leaves a core idle while work remains.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<PoolRun> {
  const latenciesMs: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const started = performance.now();
      await task(item);
      latenciesMs.push(performance.now() - started);
    }
  };
  const started = performance.now();
  const spent = cpuMeter();
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { wallMs: performance.now() - started, latenciesMs, cpu: spent() };
}

/** Several pool runs back to back (phases that must not overlap), as one measurement. */
export async function runPhases<T>(phases: readonly (readonly T[])[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<PoolRun> {
  const total: PoolRun = { wallMs: 0, latenciesMs: [], cpu: { nodeMs: 0, postgresMs: 0 } };
  for (const phase of phases) {
    const run = await runPool(phase, concurrency, task);
    total.wallMs += run.wallMs;
    total.latenciesMs.push(...run.latenciesMs);
    total.cpu = addCpu(total.cpu, run.cpu);
  }
  return total;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
