// The status history queries against a recomputation from the raw events, on seeded random histories.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createLeadStore } from '@/lib/commands/lead-store';
import { seededRandom, type Random } from '@/lib/demo/random';
import type { StoredEvent } from '@/lib/event-store';
import { ALLOWED_TRANSITIONS, leadDecider, type Lead, type LeadEvent } from '@/lib/leads';
import { testDb } from '@/lib/testing/database';
import { catchUp } from '../engine/run-batch';
import { statusHistoryProjection } from './projection';
import { callbackLateness, statusDurationStats, timeInStatusForLead, transitionCounts } from './queries';

const db = testDb();
const store = createLeadStore(db);
const MINUTE = 60_000;
const START = Date.parse('2026-03-01T08:00:00Z');
const NOW = new Date('2026-06-01T00:00:00Z');
const AGENTS = ['ana', 'ben', 'cleo'];

// ---- Writing random histories through the command handler ----------------------------------------

function nextCommand(random: Random, lead: Lead, now: number): Record<string, unknown> {
  const future = () => new Date(now + random.int(30, 72 * 60) * MINUTE).toISOString();
  const options: (() => Record<string, unknown>)[] = [() => ({ type: 'RecordCallOutcome', data: { outcome: 'no-answer' } })];
  for (const status of ALLOWED_TRANSITIONS[lead.status]) {
    options.push(() => ({ type: 'ChangeStatus', data: status === 'FollowUp' ? { status, followUpAt: future() } : { status } }));
  }
  if (lead.status === 'Available' || lead.status === 'FollowUp') options.push(() => ({ type: 'SetFollowUp', data: { at: future() } }));
  if (lead.status === 'Available' && lead.followUpAt) options.push(() => ({ type: 'ClearFollowUp' }));
  return random.pick(options)();
}

async function writeRandomLeads(tenantId: string, count: number, seed: number): Promise<string[]> {
  const random = seededRandom(seed);
  const leadIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const leadId = randomUUID();
    let now = START + random.int(0, 14 * 24 * 60) * MINUTE;
    let lead = leadDecider.initialState();
    const run = async (input: Record<string, unknown>) => {
      const context = { tenantId, actorId: random.pick(AGENTS), region: 'GB' as const, now: new Date(now) };
      const result = await executeLeadCommand(store, context, input);
      lead = result.events.reduce(leadDecider.evolve, lead);
    };
    await run({ type: 'RegisterLead', data: { leadId, name: `Lead ${i}`, emails: [`lead${i}@example.com`], source: random.pick(['web', 'cold']) } });
    for (let step = random.int(0, 9); step > 0; step--) {
      now += random.int(1, 48 * 60) * MINUTE;
      await run({ ...nextCommand(random, lead, now), leadId });
    }
    leadIds.push(leadId);
  }
  return leadIds;
}

// ---- The same figures in plain TypeScript, from the events ---------------------------------------

type Period = { status: string; enteredBy: string | null; enteredAt: number; seconds: number | null };
type Callback = { setBy: string | null; dueAt: number; handledAt: number | null; endedAt: number | null };

const asLead = (event: StoredEvent) => event as unknown as LeadEvent & StoredEvent;

function periodsOf(events: readonly StoredEvent[]): Period[] {
  const periods: Period[] = [];
  for (const event of events.map(asLead)) {
    if (event.type !== 'LeadRegistered' && event.type !== 'StatusChanged') continue;
    const open = periods[periods.length - 1];
    if (open) open.seconds = (event.occurredAt.getTime() - open.enteredAt) / 1000;
    const status = event.type === 'StatusChanged' ? event.data.to : 'Available';
    periods.push({ status, enteredBy: event.metadata.actor ?? null, enteredAt: event.occurredAt.getTime(), seconds: null });
  }
  return periods;
}

function callbacksOf(events: readonly StoredEvent[]): Callback[] {
  return events.map(asLead).flatMap((event, index) => {
    if (event.type !== 'FollowUpScheduled') return [];
    const callback: Callback = { setBy: event.metadata.actor ?? null, dueAt: Date.parse(event.data.at), handledAt: null, endedAt: null };
    for (const later of events.slice(index + 1).map(asLead)) {
      const time = later.occurredAt.getTime();
      if ((later.type === 'CallOutcomeRecorded' || later.type === 'StatusChanged') && callback.handledAt === null) callback.handledAt = time;
      if (later.type === 'FollowUpScheduled' || later.type === 'FollowUpCleared') {
        callback.endedAt = time;
        break;
      }
    }
    return [callback];
  });
}

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = sorted[Math.floor(position)]!;
  const upper = sorted[Math.ceil(position)]!;
  return lower + (upper - lower) * (position - Math.floor(position));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

// ---- The comparison -------------------------------------------------------------------------------

describe('status history queries equal a recomputation from the events', () => {
  const tenantId = `tenant-${randomUUID()}`;
  const streams = new Map<string, StoredEvent[]>();
  beforeAll(async () => {
    const leadIds = await writeRandomLeads(tenantId, 30, 20260301);
    await catchUp(store, statusHistoryProjection);
    for (const leadId of leadIds) streams.set(leadId, await store.readStream(tenantId, leadId));
  });
  const allPeriods = () => [...streams.values()].flatMap(periodsOf);

  it('the generated histories are varied enough to compare', () => {
    const events = [...streams.values()].flat();
    expect(streams.size).toBe(30);
    for (const type of ['StatusChanged', 'FollowUpScheduled', 'FollowUpCleared', 'CallOutcomeRecorded']) {
      expect(events.filter((event) => event.type === type).length, type).toBeGreaterThan(5);
    }
  });

  it('time in each status, lead by lead', async () => {
    for (const [leadId, events] of streams) {
      const perStatus = groupBy(periodsOf(events), (period) => period.status);
      const expected = [...perStatus].map(([status, periods]) => ({
        status,
        seconds: periods.reduce((sum, p) => sum + (p.seconds ?? (NOW.getTime() - p.enteredAt) / 1000), 0),
        periods: periods.length,
      }));
      const actual = await timeInStatusForLead(db, tenantId, leadId, { now: NOW });
      expect(actual.sort((a, b) => a.status.localeCompare(b.status))).toEqual(expected.sort((a, b) => a.status.localeCompare(b.status)));
    }
  });

  it('duration statistics per status and per agent', async () => {
    for (const groupBy_ of ['status', 'agent'] as const) {
      const completed = allPeriods().filter((period) => period.seconds !== null);
      const groups = groupBy(completed, (p) => `${groupBy_ === 'agent' ? p.enteredBy : null}|${p.status}`);
      const actual = await statusDurationStats(db, tenantId, { groupBy: groupBy_ });
      expect(actual.map((row) => `${row.group}|${row.status}`).sort()).toEqual([...groups.keys()].sort());
      for (const row of actual) {
        const seconds = groups.get(`${row.group}|${row.status}`)!.map((p) => p.seconds!);
        expect(row.count).toBe(seconds.length);
        expect(row.averageSeconds).toBeCloseTo(average(seconds), 6);
        expect(row.medianSeconds).toBeCloseTo(percentile(seconds, 0.5), 6);
        expect(row.p90Seconds).toBeCloseTo(percentile(seconds, 0.9), 6);
        expect(row.p95Seconds).toBeCloseTo(percentile(seconds, 0.95), 6);
      }
    }
  });

  it('transition counts and the follow-up funnel', async () => {
    const changes = [...streams.values()].flat().map(asLead).flatMap((e) => (e.type === 'StatusChanged' ? [`${e.data.from}->${e.data.to}`] : []));
    const expected = Object.fromEntries([...groupBy(changes, (c) => c)].map(([key, list]) => [key, list.length]));
    const finals = [...streams.values()].filter((events) => events.some((e) => asLead(e).type === 'StatusChanged' && (e.data as { to: string }).to === 'FollowUp'))
      .map((events) => events.reduce(leadDecider.evolve, leadDecider.initialState()).status);

    const { transitions, funnel } = await transitionCounts(db, tenantId);

    expect(Object.fromEntries(transitions.map((t) => [`${t.from}->${t.to}`, t.count]))).toEqual(expected);
    expect(funnel).toMatchObject({
      reachedFollowUp: finals.length,
      converted: finals.filter((status) => status === 'Converted').length,
      closed: finals.filter((status) => status === 'Closed').length,
    });
  });

  it('callback lateness per agent', async () => {
    const judged = [...streams.values()].flatMap(callbacksOf).flatMap((c) => {
      if (c.handledAt !== null) return [{ ...c, outcome: c.handledAt <= c.dueAt ? 'on-time' : 'late' }];
      return c.dueAt < (c.endedAt ?? NOW.getTime()) ? [{ ...c, outcome: 'missed' }] : [];
    });
    const actual = await callbackLateness(db, tenantId, { now: NOW });
    expect(actual.map((row) => row.agent).sort()).toEqual([...groupBy(judged, (c) => String(c.setBy)).keys()].sort());
    for (const row of actual) {
      const mine = judged.filter((c) => c.setBy === row.agent);
      const lateness = mine.filter((c) => c.outcome === 'late').map((c) => (c.handledAt! - c.dueAt) / 1000);
      expect(row).toMatchObject({
        due: mine.length,
        onTime: mine.filter((c) => c.outcome === 'on-time').length,
        late: lateness.length,
        missed: mine.filter((c) => c.outcome === 'missed').length,
      });
      if (lateness.length === 0) {
        expect(row).toMatchObject({ averageLatenessSeconds: null, p90LatenessSeconds: null });
      } else {
        expect(row.averageLatenessSeconds).toBeCloseTo(average(lateness), 6);
        expect(row.p90LatenessSeconds).toBeCloseTo(percentile(lateness, 0.9), 6);
      }
    }
    expect(new Set(judged.map((c) => c.outcome)), 'every outcome occurs').toEqual(new Set(['on-time', 'late', 'missed']));
  });
});
