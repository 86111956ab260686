// The composition root: the registered aggregates, the store that checks their events, the read
// models and the projector, built in one place. Everything else receives them from here (on the
// server through `system()` in ./server.ts), so no module of the command side and none of the read
// side needs to import the other to find its parts.
import type { AnyAggregate } from '@/lib/commands/aggregate';
import type { Db } from '@/lib/db/client';
import { createEventRegistry, createEventStore } from '@/lib/event-store';
import { createPersonalData } from '@/lib/erasure';
import { keepProjecting, type KeepProjectingOptions } from '@/lib/read/engine/projector';
import { rebuildProjections } from '@/lib/read/engine/rebuild';
import type { AsyncProjection, RebuildableInlineProjection } from '@/lib/read/engine/types';
import { AGGREGATES } from './aggregates';
import { dialingSources, dialingSourcesWithin } from './dialing';
import { createAssigner } from '@/lib/commands/assignment';
import { ASYNC_PROJECTIONS, INLINE_PROJECTIONS } from './projections';
import { keepDelivering, type DelivererOptions } from '@/lib/webhooks/deliverer';

export type SystemParts = {
  readonly aggregates?: readonly AnyAggregate[];
  readonly inlineProjections?: readonly RebuildableInlineProjection[];
  readonly asyncProjections?: readonly AsyncProjection[];
};

export function createSystem(db: Db, parts: SystemParts = {}) {
  const { aggregates = AGGREGATES, inlineProjections = INLINE_PROJECTIONS, asyncProjections = ASYNC_PROJECTIONS } = parts;
  const registry = createEventRegistry(aggregates.map((aggregate) => aggregate.events));
  const personalData = createPersonalData();
  const store = createEventStore(db, { registry, inlineProjections, personalData: personalData.guard });
  const dialing = dialingSources(store);
  const projections = {
    inline: inlineProjections,
    async: asyncProjections,
    /** Every read model's name, inline first. */
    names: [...inlineProjections, ...asyncProjections].map((projection) => projection.name),
    asyncNamed: (name: string) => asyncProjections.find((projection) => projection.name === name),
    /**
     * Rebuilds one read model from the log while the app runs: an async one into copies swapped in
     * at the end, an inline one in place. `done` of `total`: log positions, or the inline one's own units.
     */
    async rebuild(name: string, onProgress: (progress: { events: number; done: number; total: number }) => void = () => {}) {
      const inline = inlineProjections.find((projection) => projection.name === name);
      if (inline) return inline.rebuild(store, { onProgress });
      return projections.rebuildAsync([name], onProgress);
    },
    /** Rebuilds async read models together, in one pass over the log, swapped in together. */
    async rebuildAsync(names: readonly string[], onProgress: (progress: { events: number; done: number; total: number }) => void = () => {}) {
      const chosen = names.map((name) => {
        const projection = asyncProjections.find((candidate) => candidate.name === name);
        if (!projection) throw new Error(`No read model named ${name}`);
        return projection;
      });
      const head = Number(await store.headPosition());
      return rebuildProjections(store, chosen, { onProgress: ({ events, position }) => onProgress({ events, done: Math.min(Number(position), head), total: head }) });
    },
  };
  return {
    db,
    registry,
    store,
    /** The lead keys behind the store's sealing of personal values (lib/erasure). */
    personalData,
    aggregates,
    projections,
    /** The dialing rules as the commands of the dialing loop need them. */
    dialing,
    /** The same inside a transaction: its reads on the transaction's connection, the rules given. */
    dialingWithin: dialingSourcesWithin,
    /** Who a new lead without an owner goes to. */
    assign: createAssigner(db, (tenantId) => dialing.rules(tenantId)),
    /** Keeps the async read models up to date until the signal aborts, through database restarts. */
    keepProjecting: (options: Omit<KeepProjectingOptions, 'projections'>) => keepProjecting(store, { ...options, projections: asyncProjections }),
    /** Sends the webhook outbox's deliveries until the signal aborts, through database restarts. */
    keepDelivering: (options: DelivererOptions) => keepDelivering(store, options),
  };
}

export type System = ReturnType<typeof createSystem>;
