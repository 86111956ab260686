// `npm run projections:rebuild -- <name>|--all`: rebuilds read models from the log while the app
// keeps running, with a progress bar, events/s, and each projection's lag before and after.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { createLeadStore } from '@/lib/commands/lead-store';
import { createDb } from '@/lib/db/client';
import { projectionLag } from '@/lib/read/engine/lag';
import { rebuildProjection } from '@/lib/read/engine/rebuild';
import { rebuildLeadTable } from '@/lib/read/lead-table/rebuild';
import { asyncProjection, asyncProjections, inlineProjections, PROJECTION_NAMES } from '@/lib/system/projections';

const { values, positionals } = parseArgs({ options: { all: { type: 'boolean' } }, allowPositionals: true });
const names = values.all ? [...PROJECTION_NAMES] : positionals;
const unknown = names.filter((name) => !(PROJECTION_NAMES as readonly string[]).includes(name));
if (names.length === 0 || unknown.length > 0) {
  console.error(`usage: npm run projections:rebuild -- <${PROJECTION_NAMES.join('|')}>... | --all`);
  if (unknown.length > 0) console.error(`unknown projection: ${unknown.join(', ')}`);
  process.exit(2);
}

const db = createDb(process.env.DATABASE_URL!);
const store = createLeadStore(db);
const showLag = async (when: string) => {
  console.log(`\nLag ${when}:`);
  const lags = await projectionLag(db, asyncProjections.map((p) => p.name), inlineProjections.map((p) => p.name));
  console.table(lags.map(({ name, kind, position, headPosition, eventsBehind, secondsBehind }) => ({ name, kind, position, head: headPosition, eventsBehind, secondsBehind: Number(secondsBehind.toFixed(1)) })));
};

await showLag('before');
const head = Number(await store.headPosition());
for (const name of names) {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: `${name.padEnd(14)} [{bar}] {percentage}% | {value}/{total} | {rate} events/s`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const rate = (events: number) => Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
  let result: { events: number };
  if (name === 'lead-table') {
    bar.start(1, 0, { rate: 0 });
    result = await rebuildLeadTable(store, {
      onProgress: ({ events, streams, totalStreams }) => {
        bar.setTotal(totalStreams);
        bar.update(streams, { rate: rate(events) });
      },
    });
  } else {
    bar.start(Math.max(head, 1), 0, { rate: 0 });
    result = await rebuildProjection(store, asyncProjection(name)!, {
      onProgress: ({ events, position }) => bar.update(Math.min(Number(position), head), { rate: rate(events) }),
    });
  }
  bar.stop();
  console.log(`${name}: ${result.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s (${rate(result.events)} events/s)`);
}
await showLag('after');
await db.$disconnect();
