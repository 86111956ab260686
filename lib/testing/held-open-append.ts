// An append whose transaction stays open after its events got their positions, until released: the
// case gap-safe readers (readAll, the export horizon) exist for. The append runs inside a transaction
// of the test's own, as any append inside a caller's transaction does (next lead's claim).
import { inTransaction } from '@/lib/db/client';
import { createEventStore, type AppendResult, type StreamRef } from '@/lib/event-store';
import { testDb } from './database';

export function heldOpenAppend(stream: StreamRef, type = 'Slow') {
  let entered!: () => void;
  let release!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const done: Promise<AppendResult> = testDb().$transaction(async (tx) => {
    const appended = await createEventStore(inTransaction(tx)).append(stream, [{ type, data: {}, occurredAt: new Date('2026-01-05T09:00:00Z') }], { expectedVersion: 'no_stream' });
    entered();
    await released;
    return appended;
  }, { timeout: 60_000 });
  return { inside, release, done };
}
