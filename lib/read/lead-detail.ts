import 'server-only';
// What the lead page shows: the lead as it is now (with the version every edit must send), its
// events for the history, its status periods and callbacks, which of its phones are on the
// do-not-call list, and the people of its tenant. Each part comes from its own read model's queries.
import type { EventStore } from '@/lib/event-store';
import type { HistoryEvent } from '@/lib/present/history-lines';
import { blockedNumbers } from './do-not-call/queries';
import { leadHistory } from './event-log/lead-history';
import { leadById, type LeadNow } from './lead-table/lead-by-id';
import { actorNames, assignable, tenantUsers, type Person } from './organisation/users';
import { leadCallbacks, leadTimeline, type LeadCallback, type TimelinePeriod } from './status-history/queries';

export type { LeadNow } from './lead-table/lead-by-id';
export type { Person } from './organisation/users';
export type { LeadThen } from './event-log/time-travel';
export { leadThen } from './event-log/time-travel';

export type LeadDetail = {
  readonly lead: LeadNow;
  readonly history: readonly HistoryEvent[];
  readonly timeline: readonly TimelinePeriod[];
  /** The callbacks set on the lead, with what became of each. */
  readonly callbacks: readonly LeadCallback[];
  /** The moment the timeline's open period and callbacks are measured to. */
  readonly asOf: string;
  /** Everyone (and every API token) of the tenant, for names in the history. */
  readonly people: readonly Person[];
  /** Who a lead may be assigned to: the tenant's users who work leads. */
  readonly owners: readonly Person[];
  /** The lead's phones on the tenant's do-not-call list, by E.164: why, and since when. */
  readonly blockedPhones: Readonly<Record<string, { readonly reason: string; readonly since: string }>>;
  /** The latest merge this lead survived, while it may still be undone: the lead it took in. */
  readonly undoableMerge: UndoableMerge | null;
  /**
   * The leads merged into this one (and not given back), and the leads merged into those in turn:
   * their notes, calls and changes, kept under it.
   */
  readonly absorbed: readonly AbsorbedLead[];
};

/** `into`: the name of the absorbed lead this one was merged into; null when merged into this lead itself. */
export type AbsorbedLead = { readonly leadId: string; readonly name: string; readonly into: string | null; readonly history: readonly HistoryEvent[] };

/** How many merges in a row the History tab follows back, as search follows them forward. */
const MAX_MERGE_DEPTH = 20;

export type UndoableMerge = { readonly mergeId: string; readonly leadId: string; readonly name: string };

/** Null when the tenant has no such lead: another tenant's lead is just as unknown. */
export async function loadLeadDetail(store: EventStore, tenantId: string, leadId: string, { now = new Date() } = {}): Promise<LeadDetail | null> {
  const lead = await leadById(store.db, tenantId, leadId);
  if (!lead) return null;
  const [history, timeline, callbacks, users, names, blocked] = await Promise.all([
    leadHistory(store, tenantId, leadId),
    leadTimeline(store.db, tenantId, leadId, { now }),
    leadCallbacks(store.db, tenantId, leadId, { now }),
    tenantUsers(store.db, tenantId),
    actorNames(store.db, tenantId),
    blockedNumbers(store.db, tenantId, lead.phones.map((phone) => phone.e164)),
  ]);
  const absorbed = await absorbedHistories(store, tenantId, history, null, 0);
  const people = [...names].map(([id, name]) => ({ id, name }));
  const blockedPhones = Object.fromEntries([...blocked].map(([phone, entry]) => [phone, { reason: entry.reason, since: entry.blockedAt }]));
  return {
    lead, history, timeline, callbacks, asOf: now.toISOString(), people, owners: assignable(users).map(({ id, name }) => ({ id, name })), blockedPhones,
    undoableMerge: undoableMerge(history), absorbed,
  };
}

/** Each lead taken in (by `history`'s lead, named `into`), followed by the ones it had taken in. */
async function absorbedHistories(store: EventStore, tenantId: string, history: readonly HistoryEvent[], into: string | null, depth: number): Promise<AbsorbedLead[]> {
  if (depth >= MAX_MERGE_DEPTH) return [];
  const leads = await Promise.all(absorbedLeads(history).map(async ({ leadId, name }) => ({ leadId, name, into, history: await leadHistory(store, tenantId, leadId) })));
  const taken = await Promise.all(leads.map((lead) => absorbedHistories(store, tenantId, lead.history, lead.name, depth + 1)));
  return leads.flatMap((lead, index) => [lead, ...taken[index]!]);
}

/** The leads this one took in by merges not undone since, in the order it took them. */
function absorbedLeads(history: readonly HistoryEvent[]): UndoableMerge[] {
  const merges = new Map<string, UndoableMerge>();
  for (const event of history) {
    const { mergeId, leadId, name } = event.data as UndoableMerge;
    if (event.type === 'LeadAbsorbed') merges.set(mergeId, { mergeId, leadId, name });
    else if (event.type === 'MergeUndone') merges.delete(mergeId);
  }
  return [...merges.values()];
}

/** By the domain's rule: the latest merge the lead survived, unless it was undone or the lead took part in another merge since. */
function undoableMerge(history: readonly HistoryEvent[]): UndoableMerge | null {
  let merge: UndoableMerge | null = null;
  for (const event of history) {
    if (event.type === 'LeadAbsorbed') {
      const { mergeId, leadId, name } = event.data as UndoableMerge;
      merge = { mergeId, leadId, name };
    } else if (event.type === 'MergeUndone' || event.type === 'LeadMergedInto') {
      merge = null;
    }
  }
  return merge;
}
