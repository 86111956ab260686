import type { Db } from '@/lib/db/client';
import { createEventStore, createUpcasterRegistry, type InlineProjection } from '@/lib/event-store';
import { leadEventSchemas } from '@/lib/leads';
import { inlineProjections } from '@/lib/system/projections';

export const leadUpcasters = createUpcasterRegistry(leadEventSchemas);

/** The event store as lead commands use it: lead upcasters and the inline read models. */
export function createLeadStore(db: Db, inline: InlineProjection[] = inlineProjections) {
  return createEventStore(db, { upcasters: leadUpcasters, inlineProjections: inline });
}
