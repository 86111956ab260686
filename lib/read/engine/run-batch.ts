// One step of an async projection: under the projection's lock, read its checkpoint, the next
// events after it, apply them and move the checkpoint, all in one transaction. Killed half-way,
// nothing of the batch stays; run twice at once, the second waits and starts where the first ended.
import type { EventStore } from '@/lib/event-store';
import { lockProjection, readCheckpoint, writeCheckpoint } from './checkpoints';
import { liveTables, type AsyncProjection } from './types';

export type BatchOptions = {
  readonly batchSize?: number;
  /** Test hook: stay inside the transaction this long after writing, before committing. */
  readonly holdBeforeCommitMs?: number;
};

/** Applies the next batch; returns how many events it applied (0 when caught up). */
export async function runBatch(store: EventStore, projection: AsyncProjection, options: BatchOptions = {}): Promise<number> {
  const { batchSize = 2000, holdBeforeCommitMs = 0 } = options;
  return store.db.$transaction(
    async (tx) => {
      await lockProjection(tx, projection.name);
      const checkpoint = await readCheckpoint(tx, projection.name);
      const page = await store.readAll(checkpoint, { limit: batchSize, client: tx });
      if (page.events.length === 0) return 0;
      await projection.apply(tx, page.events, liveTables(projection));
      await writeCheckpoint(tx, projection.name, page.checkpoint, checkpoint.eventsApplied + BigInt(page.events.length));
      if (holdBeforeCommitMs > 0) await new Promise((resolve) => setTimeout(resolve, holdBeforeCommitMs));
      return page.events.length;
    },
    { timeout: 120_000 + holdBeforeCommitMs },
  );
}

/** Applies batches until the projection has caught up with the log; returns the events applied. */
export async function catchUp(store: EventStore, projection: AsyncProjection, options: BatchOptions = {}): Promise<number> {
  let total = 0;
  for (let applied = await runBatch(store, projection, options); applied > 0; applied = await runBatch(store, projection, options)) {
    total += applied;
  }
  return total;
}
