// A read model brought to the head of the log before a bench reads it: a rebuild when it has never
// run, else the batches since its checkpoint; how, and how fast, for the bench's report.
import { performance } from 'node:perf_hooks';
import type { Db } from '@/lib/db/client';
import type { EventStore } from '@/lib/event-store';
import { readCheckpoint } from '@/lib/read/engine/checkpoints';
import { rebuildProjection } from '@/lib/read/engine/rebuild';
import { catchUp } from '@/lib/read/engine/run-batch';
import type { AsyncProjection } from '@/lib/read/engine/types';
import { round } from './stats';

export async function bringToHead(db: Db, store: EventStore, projection: AsyncProjection, log: (line: string) => void) {
  const started = performance.now();
  const checkpoint = await readCheckpoint(db, projection.name);
  let lastReport = started;
  const onProgress = ({ events }: { events: number }) => {
    if (performance.now() - lastReport < 10_000) return;
    lastReport = performance.now();
    log(`${projection.name}: ${events.toLocaleString('en')} events, ${Math.round(events / ((lastReport - started) / 1000)).toLocaleString('en')}/s`);
  };
  const how = checkpoint.eventsApplied === 0n ? 'rebuild' : 'catch up';
  const events = how === 'rebuild'
    ? (await rebuildProjection(store, projection, { onProgress })).events
    : await catchUp(store, projection, { batchSize: 5000 });
  const seconds = (performance.now() - started) / 1000;
  return { how, events, seconds: round(seconds, 1), eventsPerSec: Math.round(events / Math.max(seconds, 0.001)) };
}
