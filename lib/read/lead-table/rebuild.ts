// Rebuilding the lead table while the app runs: each lead's row recomputed from its own stream
// (lib/read/engine/rebuild-by-stream.ts).
import type { EventStore } from '@/lib/event-store';
import { rebuildByStream, type RebuildOptions } from '@/lib/read/engine/rebuild-by-stream';
import { LEAD_STREAM_TYPE } from '@/lib/leads';
import { writeLeadRows } from './projection';

export function rebuildLeadTable(store: EventStore, options?: RebuildOptions) {
  return rebuildByStream(store, LEAD_STREAM_TYPE, writeLeadRows, options);
}
