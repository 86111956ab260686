import 'server-only';
// Who changed which part of a tenant's dialing rules, when, from what to what: the settings page's
// history of each section, read from the rules stream itself (a few events a month).
import { sectionChange, DIALING_RULES_STREAM_ID, type SectionChange } from '@/lib/dialing/rules-events';
import type { EventStore } from '@/lib/event-store';

export type DialingRulesChange = SectionChange & {
  readonly version: number;
  /** The user (or `token:<id>`) who made the change. */
  readonly actor: string | null;
  readonly at: string;
};

/** Every change of the tenant's rules, newest first. */
export async function dialingRulesHistory(store: EventStore, tenantId: string): Promise<DialingRulesChange[]> {
  const events = await store.readStream(tenantId, DIALING_RULES_STREAM_ID, { direction: 'backward' });
  return events.flatMap((event) => {
    const change = sectionChange(event);
    return change ? [{ ...change, version: event.version, actor: event.metadata.actor ?? null, at: event.occurredAt.toISOString() }] : [];
  });
}
