// Rebuilding the do-not-call list while the app runs: each number's row recomputed from its own
// stream (lib/read/engine/rebuild-by-stream.ts).
import { DNC_STREAM_TYPE } from '@/lib/do-not-call/do-not-call';
import type { EventStore } from '@/lib/event-store';
import { rebuildByStream, type RebuildOptions } from '@/lib/read/engine/rebuild-by-stream';
import { writeDoNotCallRows } from './projection';

export function rebuildDoNotCall(store: EventStore, options?: RebuildOptions) {
  return rebuildByStream(store, DNC_STREAM_TYPE, writeDoNotCallRows, options);
}
