// Random lead histories written through the command handler, and the status history figures
// recomputed from their raw events in plain TypeScript: what the read model's queries are checked
// against.
import { randomUUID } from 'node:crypto';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { mergeLeads, unmergeLead } from '@/lib/commands/merge-service';
import type { System } from '@/lib/system';
import { seededRandom, type Random } from '@/lib/demo/random';
import type { StoredEvent } from '@/lib/event-store';
import { ALLOWED_TRANSITIONS, evolve, initialState, isLeadEvent, type Lead, type LeadEvent, type RegisteredLead } from '@/lib/leads';

const MINUTE = 60_000;
export const HISTORY_START = Date.parse('2026-03-01T08:00:00Z');
export const HISTORY_AGENTS = ['ana', 'ben', 'cleo'];
export const HISTORY_SOURCES = ['web', 'cold'];

// ---- Writing random histories through the command handler ----------------------------------------

function nextCommand(random: Random, lead: RegisteredLead, now: number): Record<string, unknown> {
  const future = () => new Date(now + random.int(30, 72 * 60) * MINUTE).toISOString();
  const options: (() => Record<string, unknown>)[] = [() => ({ type: 'RecordCallOutcome', data: { outcome: 'no-answer' } })];
  for (const status of ALLOWED_TRANSITIONS[lead.status]) {
    options.push(() => ({ type: 'ChangeStatus', data: status === 'FollowUp' ? { status, followUpAt: future() } : { status } }));
  }
  if (lead.status === 'Available' || lead.status === 'FollowUp') options.push(() => ({ type: 'SetFollowUp', data: { at: future() } }));
  if (lead.status === 'Available' && lead.followUpAt) options.push(() => ({ type: 'ClearFollowUp' }));
  return random.pick(options)();
}

/** `count` leads registered over two weeks from HISTORY_START, each with up to 9 random commands by random agents. */
export async function writeRandomLeads(system: Pick<System, 'store' | 'dialing'>, tenantId: string, count: number, seed: number): Promise<string[]> {
  const { store, dialing } = system;
  const random = seededRandom(seed);
  const leadIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const leadId = randomUUID();
    let now = HISTORY_START + random.int(0, 14 * 24 * 60) * MINUTE;
    let lead: Lead = initialState();
    const run = async (input: Record<string, unknown>) => {
      const context = { tenantId, actorId: random.pick(HISTORY_AGENTS), region: 'GB' as const, now: new Date(now), dialing };
      const result = await executeLeadCommand(store, context, input);
      lead = result.events.reduce(evolve, lead);
    };
    await run({ type: 'RegisterLead', data: { leadId, name: `Lead ${i}`, emails: [`lead${i}@example.com`], source: random.pick(HISTORY_SOURCES) } });
    for (let step = random.int(0, 9); step > 0; step--) {
      now += random.int(1, 48 * 60) * MINUTE;
      await run({ ...nextCommand(random, registered(lead), now), leadId });
    }
    leadIds.push(leadId);
  }
  return leadIds;
}

/**
 * `pairs` merges of the leads two by two (the first of each pair survives), each a day after the
 * later of the two leads' last events, with each field chosen at random from either lead; every
 * other merge is undone a day later.
 */
export async function mergeRandomLeads(system: Pick<System, 'store'>, tenantId: string, leadIds: readonly string[], pairs: number, seed: number): Promise<void> {
  const { store } = system;
  const random = seededRandom(seed);
  for (let pair = 0; pair < pairs; pair++) {
    const [survivorId, leadId] = [leadIds[2 * pair]!, leadIds[2 * pair + 1]!];
    const [survivorEvents, otherEvents] = await Promise.all([store.readStream(tenantId, survivorId), store.readStream(tenantId, leadId)]);
    const [survivor, other] = [finalState(survivorEvents), finalState(otherEvents)];
    const last = Math.max(survivorEvents.at(-1)!.occurredAt.getTime(), otherEvents.at(-1)!.occurredAt.getTime());
    const context = (at: number) => ({ tenantId, actorId: random.pick(HISTORY_AGENTS), now: new Date(at) });
    const schedule = random.pick([survivor, other]);
    const choices = {
      name: random.pick([survivor, other]).name, phones: [], emails: [...new Set([...survivor.emails, ...other.emails])],
      ownerId: random.pick([survivor, other]).ownerId, status: schedule.status, followUpAt: schedule.followUpAt,
    };
    const mergeId = randomUUID();
    const input = { survivorId, leadId, survivorVersion: survivorEvents.length, leadVersion: otherEvents.length, choices, commandId: mergeId };
    await mergeLeads(store, context(last + 24 * 60 * MINUTE), input);
    if (pair % 2 === 1) await unmergeLead(store, context(last + 48 * 60 * MINUTE), { survivorId, mergeId });
  }
}

// ---- The same figures in plain TypeScript, from the events ---------------------------------------

export type Period = { leadId: string; status: string; from: string | null; enteredBy: string | null; enteredAt: number; seconds: number | null };
export type Callback = { leadId: string; setBy: string | null; dueAt: number; handledAt: number | null; endedAt: number | null };

/** The lead events among `events` (the store checked each against its schema). */
export const leadEventsOf = (events: readonly StoredEvent[]): (StoredEvent & LeadEvent)[] => events.filter(isLeadEvent);

function registered(lead: Lead): RegisteredLead {
  if (lead.kind !== 'registered') throw new Error('The lead is not registered');
  return lead;
}

export function periodsOf(events: readonly StoredEvent[]): Period[] {
  const periods: Period[] = [];
  for (const event of leadEventsOf(events)) {
    if (event.type !== 'LeadRegistered' && event.type !== 'StatusChanged' && event.type !== 'LeadMergedInto' && event.type !== 'LeadUnmerged') continue;
    const open = periods[periods.length - 1];
    if (open && open.seconds === null) open.seconds = (event.occurredAt.getTime() - open.enteredAt) / 1000;
    // A merged lead's time ends at the merge; undone, a new period starts in the status it had.
    if (event.type === 'LeadMergedInto') continue;
    const status = event.type === 'StatusChanged' ? event.data.to : event.type === 'LeadUnmerged' ? event.data.status : 'Available';
    const from = event.type === 'StatusChanged' && event.data.mergeId === undefined ? event.data.from : null;
    periods.push({ leadId: event.streamId, status, from, enteredBy: event.metadata.actor ?? null, enteredAt: event.occurredAt.getTime(), seconds: null });
  }
  return periods;
}

export function callbacksOf(events: readonly StoredEvent[]): Callback[] {
  const leadEvents = leadEventsOf(events);
  return leadEvents.flatMap((event, index) => {
    if (event.type !== 'FollowUpScheduled') return [];
    const callback: Callback = { leadId: event.streamId, setBy: event.metadata.actor ?? null, dueAt: Date.parse(event.data.at), handledAt: null, endedAt: null };
    for (const later of leadEvents.slice(index + 1)) {
      const time = later.occurredAt.getTime();
      const handles = later.type === 'CallOutcomeRecorded' || (later.type === 'StatusChanged' && later.data.mergeId === undefined);
      if (handles && callback.handledAt === null) callback.handledAt = time;
      if (later.type === 'FollowUpScheduled' || later.type === 'FollowUpCleared' || later.type === 'LeadMergedInto') {
        callback.endedAt = time;
        break;
      }
    }
    return [callback];
  });
}

/** What became of a callback by `now`, by the rules the read model's queries use. */
export function judge(callback: Callback, now: number): 'on-time' | 'late' | 'missed' | null {
  if (callback.handledAt !== null) return callback.handledAt <= callback.dueAt ? 'on-time' : 'late';
  return callback.dueAt < (callback.endedAt ?? now) ? 'missed' : null;
}

/** The lead as its events leave it. */
export const finalState = (events: readonly StoredEvent[]): RegisteredLead => registered(leadEventsOf(events).reduce(evolve, initialState()));

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = sorted[Math.floor(position)]!;
  const upper = sorted[Math.ceil(position)]!;
  return lower + (upper - lower) * (position - Math.floor(position));
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
