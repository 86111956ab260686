// Every benchmark of the scale targets, one after another (never two at once: they would measure
// each other), each printing its own tables with its baseline from the same run. At the end, one
// line per bench with how long it ran, and one JSON line holding every bench's own JSON.
//   npm run bench:all                      (BENCH_ONLY=store,import to run some)
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { table } from './lib/report';
import { round } from './lib/stats';

const BENCHES = ['bench:demo', 'bench:store', 'bench:import', 'bench', 'bench:export', 'bench:analytics'] as const;
const only = process.env.BENCH_ONLY?.split(',').map((name) => (name === 'projections' ? 'bench' : `bench:${name}`));

/** Runs one npm script, its output passed through; resolves with its exit code and its last JSON line. */
function run(script: string): Promise<{ code: number; json: unknown }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = `${last}${chunk.toString('utf8')}`.split('\n');
      last = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('{')) json = line;
    });
    let json: string | undefined;
    child.on('close', (code) => {
      if (last.startsWith('{')) json = last;
      resolve({ code: code ?? 1, json: json === undefined ? null : JSON.parse(json) });
    });
  });
}

const results: { script: string; code: number; seconds: number; json: unknown }[] = [];
for (const script of BENCHES.filter((name) => !only || only.includes(name))) {
  console.error(`\n=== npm run ${script} ===`);
  const started = performance.now();
  const { code, json } = await run(script);
  results.push({ script, code, seconds: round((performance.now() - started) / 1000, 0), json });
}
console.log(table('Benchmarks run', ['script', 'exit', 'seconds'], results.map(({ script, code, seconds }) => [`npm run ${script}`, code, seconds])));
console.log(JSON.stringify({ bench: 'all', at: new Date().toISOString(), results: results.map(({ script, code, json }) => ({ script, code, figures: json })) }));
process.exit(results.some((result) => result.code !== 0) ? 1 : 0);
