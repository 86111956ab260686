// Saved views as the system registers them (lib/system/aggregates.ts).
import { defineAggregate } from '@/lib/commands/aggregate';
import { defineEvents } from '@/lib/event-store';
import { decideViews, type ViewCommand } from './decide';
import { evolveViews, initialViewsState, VIEW_EVENT_SCHEMAS, VIEWS_STREAM_TYPE, type ViewEvent, type ViewsState } from './views';

export const viewsAggregate = defineAggregate<ViewCommand, ViewEvent, ViewsState>({
  streamType: VIEWS_STREAM_TYPE,
  events: defineEvents(VIEW_EVENT_SCHEMAS),
  decider: { decide: decideViews, evolve: evolveViews, initialState: initialViewsState },
  // Commands apply to the views as they are now (no expected version); the decider refuses what no
  // longer fits (a name taken meanwhile, a view deleted meanwhile).
  conflictsWith: () => false,
  snapshots: { shape: 1 },
});
