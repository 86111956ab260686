// The daily figures from lead events. Pure: given the state kept for each lead the batch touches
// (null for a lead it has not seen) and the batch's events in log order, it returns the leads' new
// states and what to add to each daily table. Every count is added under four scopes, so a page
// reads one scope's few rows whatever the filters: every agent and source, one agent, one source,
// one agent and one source.
import type { StoredEvent } from '@/lib/event-store';
import { isLeadEvent } from '@/lib/leads';
import { bucketOf } from './buckets';

/** A move into Follow-up: the day (UTC) and who made it; the funnel counts each lead once per range. */
export type FollowUpEntry = { readonly day: string; readonly agent: string };

export type LeadFigures = {
  tenant_id: string;
  lead_id: string;
  source: string;
  /** The open period: its status, since when, by whom ('' for no actor) and the version that opened it. */
  status: string;
  entered_at: string;
  entered_by: string;
  entered_version: number;
  /** The lead's callback while it is open and nobody has handled it yet; null otherwise. */
  callback_due_at: string | null;
  callback_set_by: string;
  follow_up_entries: FollowUpEntry[];
};

export type Scope = 'all' | 'agent' | 'source' | 'agent+source';
type Scoped = { scope: Scope; agent_id: string; source: string };

export type ChangeCount = Scoped & { tenant_id: string; day: string; from_status: string; to_status: string; changes: number };
/** Milliseconds, not seconds: whole numbers add up the same whatever the batches. */
export type DurationCount = Scoped & { tenant_id: string; day: string; status: string; bucket: number; periods: number; milliseconds: number };
/** `previous_day`: the lead's previous move into Follow-up under the same scope (by the same agent, for agent scopes), or -infinity. */
export type FunnelCount = Scoped & { tenant_id: string; day: string; previous_day: string; reached: number; converted: number; closed: number };
export type CallbackCount = Scoped & { tenant_id: string; due_day: string; on_time: number; late: number; missed: number; open: number; late_milliseconds: number };
export type LatenessCount = Scoped & { tenant_id: string; due_day: string; bucket: number; callbacks: number };
export type CallCount = Scoped & { tenant_id: string; day: string; outcome: string; calls: number; contacts: number };
/** A completed status period, for reading exact percentiles back in duration order. */
export type PeriodLength = {
  tenant_id: string; lead_id: string; entered_version: number; status: string; entered_at: string; entered_by: string; source: string; duration_seconds: number;
};

export type DailyFigures = {
  leads: LeadFigures[];
  changes: ChangeCount[];
  durations: DurationCount[];
  funnel: FunnelCount[];
  callbacks: CallbackCount[];
  lateness: LatenessCount[];
  calls: CallCount[];
  lengths: PeriodLength[];
};

export const NO_EARLIER_DAY = '-infinity';
/** The `status` of a merged lead's figures: it has no open period until the merge is undone. */
export const MERGED = 'Merged';
const dayOf = (iso: string) => iso.slice(0, 10);
const leadKey = (tenantId: string, leadId: string) => `${tenantId}\u0000${leadId}`;

export function scopesOf(agent: string, source: string): Scoped[] {
  return [
    { scope: 'all', agent_id: '', source: '' },
    { scope: 'agent', agent_id: agent, source: '' },
    { scope: 'source', agent_id: '', source },
    { scope: 'agent+source', agent_id: agent, source },
  ];
}

const agentScoped = (scoped: Scoped) => scoped.scope === 'agent' || scoped.scope === 'agent+source';

/** Callbacks are always shown per agent who set them: only the two agent scopes. */
const callbackScopesOf = (agent: string, source: string): Scoped[] => scopesOf(agent, source).filter(agentScoped);

/** Sums rows that share a key (`keyFields`); the other fields are added. A row of zeros adds nothing. */
function sums<Row extends object>(keyFields: readonly (keyof Row)[]) {
  const rows = new Map<string, Record<string, unknown>>();
  const isKey = (field: string) => keyFields.includes(field as keyof Row);
  return {
    add(row: Row) {
      const counts = Object.entries(row).filter(([field]) => !isKey(field));
      if (counts.every(([, value]) => value === 0)) return;
      const key = keyFields.map((field) => String(row[field])).join('\u0000');
      const existing = rows.get(key);
      if (!existing) return void rows.set(key, { ...row } as Record<string, unknown>);
      for (const [field, value] of counts) existing[field] = (existing[field] as number) + (value as number);
    },
    list: (): Row[] => [...rows.values()] as Row[],
  };
}

const SCOPED = ['tenant_id', 'scope', 'agent_id', 'source'] as const;

export function dailyFigures(before: readonly LeadFigures[], events: readonly StoredEvent[]): DailyFigures {
  const leads = new Map(before.map((lead) => [leadKey(lead.tenant_id, lead.lead_id), structuredClone(lead)]));
  const touched = new Set<string>();
  const changes = sums<ChangeCount>([...SCOPED, 'day', 'from_status', 'to_status']);
  const durations = sums<DurationCount>([...SCOPED, 'day', 'status', 'bucket']);
  const funnel = sums<FunnelCount>([...SCOPED, 'day', 'previous_day']);
  const callbacks = sums<CallbackCount>([...SCOPED, 'due_day']);
  const lateness = sums<LatenessCount>([...SCOPED, 'due_day', 'bucket']);
  const calls = sums<CallCount>([...SCOPED, 'day', 'outcome']);
  const lengths: PeriodLength[] = [];

  /** Adds the entry's funnel counts (`sign` -1 takes them away) as the lead's status `status` makes them. */
  const countEntry = (lead: LeadFigures, index: number, status: string, sign: 1 | -1, reached: 0 | 1) => {
    const entry = lead.follow_up_entries[index]!;
    const earlier = lead.follow_up_entries.slice(0, index);
    const byAgent = earlier.filter((each) => each.agent === entry.agent);
    for (const scoped of scopesOf(entry.agent, lead.source)) {
      const previous = agentScoped(scoped) ? byAgent.at(-1) : earlier.at(-1);
      funnel.add({
        tenant_id: lead.tenant_id, ...scoped, day: entry.day, previous_day: previous?.day ?? NO_EARLIER_DAY,
        reached: sign * reached, converted: status === 'Converted' ? sign : 0, closed: status === 'Closed' ? sign : 0,
      });
    }
  };

  const settleCallback = (lead: LeadFigures, at: string, outcome: 'handled' | 'ended') => {
    if (lead.callback_due_at === null) return;
    const dueAt = Date.parse(lead.callback_due_at);
    const lateMs = Date.parse(at) - dueAt;
    const handledLate = outcome === 'handled' && lateMs > 0;
    for (const scoped of callbackScopesOf(lead.callback_set_by, lead.source)) {
      const base = { tenant_id: lead.tenant_id, ...scoped, due_day: dayOf(lead.callback_due_at) };
      callbacks.add({
        ...base, open: -1, late_milliseconds: handledLate ? lateMs : 0, late: handledLate ? 1 : 0,
        on_time: outcome === 'handled' && !handledLate ? 1 : 0,
        missed: outcome === 'ended' && dueAt < Date.parse(at) ? 1 : 0,
      });
      if (handledLate) lateness.add({ ...base, bucket: bucketOf(lateMs / 1000), callbacks: 1 });
    }
    lead.callback_due_at = null;
    lead.callback_set_by = '';
  };

  /** The lead's open period, ended at `end`: counted in the durations and kept for the percentiles. */
  const closePeriod = (lead: LeadFigures, end: Date) => {
    const milliseconds = end.getTime() - Date.parse(lead.entered_at);
    const seconds = milliseconds / 1000;
    for (const scoped of scopesOf(lead.entered_by, lead.source)) {
      durations.add({ tenant_id: lead.tenant_id, ...scoped, day: dayOf(lead.entered_at), status: lead.status, bucket: bucketOf(seconds), periods: 1, milliseconds });
    }
    lengths.push({
      tenant_id: lead.tenant_id, lead_id: lead.lead_id, entered_version: lead.entered_version, status: lead.status,
      entered_at: lead.entered_at, entered_by: lead.entered_by, source: lead.source, duration_seconds: seconds,
    });
  };

  for (const event of events) {
    if (!isLeadEvent(event)) continue;
    const key = leadKey(event.tenantId, event.streamId);
    const at = event.occurredAt.toISOString();
    const actor = event.metadata.actor ?? '';
    if (event.type === 'LeadRegistered') {
      if (leads.has(key)) continue;
      leads.set(key, {
        tenant_id: event.tenantId, lead_id: event.streamId, source: event.data.source, status: 'Available', entered_at: at, entered_by: actor,
        entered_version: event.version, callback_due_at: null, callback_set_by: '', follow_up_entries: [],
      });
      touched.add(key);
      continue;
    }
    const lead = leads.get(key);
    if (!lead) continue;
    switch (event.type) {
      case 'StatusChanged': {
        closePeriod(lead, event.occurredAt);
        // A status a merge moved is no change anybody made: no change counted, no callback handled,
        // no entry into the funnel. The funnel's entries still end where the lead's status is.
        const byPerson = event.data.mergeId === undefined;
        if (byPerson) {
          for (const scoped of scopesOf(actor, lead.source)) {
            changes.add({ tenant_id: lead.tenant_id, ...scoped, day: dayOf(at), from_status: lead.status, to_status: event.data.to, changes: 1 });
          }
          settleCallback(lead, at, 'handled');
        }
        lead.follow_up_entries.forEach((_, index) => {
          countEntry(lead, index, lead.status, -1, 0);
          countEntry(lead, index, event.data.to, 1, 0);
        });
        if (byPerson && event.data.to === 'FollowUp') {
          lead.follow_up_entries.push({ day: dayOf(at), agent: actor });
          countEntry(lead, lead.follow_up_entries.length - 1, event.data.to, 1, 1);
        }
        Object.assign(lead, { status: event.data.to, entered_at: at, entered_by: actor, entered_version: event.version });
        break;
      }
      case 'FollowUpScheduled':
        settleCallback(lead, at, 'ended');
        lead.callback_due_at = new Date(event.data.at).toISOString();
        lead.callback_set_by = actor;
        for (const scoped of callbackScopesOf(actor, lead.source)) {
          callbacks.add({ tenant_id: lead.tenant_id, ...scoped, due_day: dayOf(lead.callback_due_at), on_time: 0, late: 0, missed: 0, open: 1, late_milliseconds: 0 });
        }
        break;
      case 'FollowUpCleared':
        settleCallback(lead, at, 'ended');
        break;
      case 'LeadMergedInto':
        // The merged lead's open period ends at the merge, without a change of status: the survivor's
        // periods go on. Until the merge is undone the lead has no open period (MERGED).
        closePeriod(lead, event.occurredAt);
        settleCallback(lead, at, 'ended');
        // It leaves the follow-up funnel too, and comes back to it if the merge is undone.
        lead.follow_up_entries.forEach((_, index) => countEntry(lead, index, lead.status, -1, 1));
        Object.assign(lead, { status: MERGED, entered_at: at, entered_by: actor, entered_version: event.version });
        break;
      case 'LeadUnmerged':
        Object.assign(lead, { status: event.data.status, entered_at: at, entered_by: actor, entered_version: event.version });
        lead.follow_up_entries.forEach((_, index) => countEntry(lead, index, lead.status, 1, 1));
        break;
      case 'CallOutcomeRecorded':
        settleCallback(lead, at, 'handled');
        for (const scoped of scopesOf(event.data.agentId ?? actor, lead.source)) {
          calls.add({ tenant_id: lead.tenant_id, ...scoped, day: dayOf(at), outcome: event.data.outcome, calls: 1, contacts: event.data.contact ? 1 : 0 });
        }
        break;
      default:
        continue;
    }
    touched.add(key);
  }

  return {
    leads: [...touched].map((key) => leads.get(key)!),
    changes: changes.list(),
    durations: durations.list(),
    funnel: funnel.list(),
    callbacks: callbacks.list(),
    lateness: lateness.list(),
    calls: calls.list(),
    lengths,
  };
}
