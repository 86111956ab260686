// `npm run projections:rebuild -- <name>|--all`: rebuilds read models from the log while the app
// keeps running, with a progress bar, events/s, and each projection's lag before and after.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { createDb } from '@/lib/db/client';
import { projectionLag } from '@/lib/read/engine/lag';
import { createSystem } from '@/lib/system';

// Index builds over millions of rows take longer than the app's statement bound.
const db = createDb(process.env.DATABASE_URL!, { statementTimeoutMs: 0 });
const system = createSystem(db);
const { projections } = system;
const { values, positionals } = parseArgs({ options: { all: { type: 'boolean' } }, allowPositionals: true });
const names = values.all ? projections.names : positionals;
const unknown = names.filter((name) => !projections.names.includes(name));
if (names.length === 0 || unknown.length > 0) {
  console.error(`usage: npm run projections:rebuild -- <${projections.names.join('|')}>... | --all`);
  if (unknown.length > 0) console.error(`unknown projection: ${unknown.join(', ')}`);
  process.exit(2);
}

const showLag = async (when: string) => {
  console.log(`\nLag ${when}:`);
  const lags = await projectionLag(db, projections);
  console.table(lags.map(({ name, kind, position, headPosition, eventsBehind, secondsBehind }) => ({ name, kind, position, head: headPosition, eventsBehind, secondsBehind: Number(secondsBehind.toFixed(1)) })));
};

await showLag('before');
// Inline read models one by one; the async ones together, in one pass over the log.
const asyncNames = names.filter((name) => projections.asyncNamed(name));
const runs: { label: string; rebuild: (onProgress: (progress: { events: number; done: number; total: number }) => void) => Promise<{ events: number }> }[] = [
  ...names.filter((name) => !asyncNames.includes(name)).map((name) => ({ label: name, rebuild: (onProgress: Parameters<typeof projections.rebuild>[1]) => projections.rebuild(name, onProgress) })),
  ...(asyncNames.length > 0 ? [{ label: asyncNames.join(' + '), rebuild: (onProgress: Parameters<typeof projections.rebuild>[1]) => projections.rebuildAsync(asyncNames, onProgress) }] : []),
];
for (const { label, rebuild } of runs) {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: `${label.padEnd(14)} [{bar}] {percentage}% | {value}/{total} | {rate} events/s`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const rate = (events: number) => Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
  bar.start(1, 0, { rate: 0 });
  const result = await rebuild(({ events, done, total }) => {
    bar.setTotal(Math.max(total, 1));
    bar.update(done, { rate: rate(events) });
  });
  bar.stop();
  console.log(`${label}: ${result.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s (${rate(result.events)} events/s)`);
}
await showLag('after');
await db.$disconnect();
