// The status history queries against a recomputation from the raw events, on seeded random histories.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSystem } from '@/lib/system';
import type { StoredEvent } from '@/lib/event-store';
import { testDb } from '@/lib/testing/database';
import { average, callbacksOf, finalState, groupBy, judge, leadEventsOf, percentile, periodsOf, mergeRandomLeads, writeRandomLeads } from '@/lib/testing/lead-histories';
import { catchUp } from '../engine/run-batch';
import { statusHistoryProjection } from './projection';
import { callbackLateness, statusDurationStats, timeInStatusForLead, transitionCounts } from './queries';

const db = testDb();
const system = createSystem(db);
const { store } = system;
const NOW = new Date('2026-06-01T00:00:00Z');

// ---- The comparison -------------------------------------------------------------------------------

describe('status history queries equal a recomputation from the events', () => {
  const tenantId = `tenant-${randomUUID()}`;
  const streams = new Map<string, StoredEvent[]>();
  beforeAll(async () => {
    const leadIds = await writeRandomLeads(system, tenantId, 30, 20260301);
    await mergeRandomLeads(system, tenantId, leadIds, 4, 20260302);
    await catchUp(store, statusHistoryProjection);
    for (const leadId of leadIds) streams.set(leadId, await store.readStream(tenantId, leadId));
  });
  const allPeriods = () => [...streams.values()].flatMap(periodsOf);

  it('the generated histories are varied enough to compare', () => {
    const events = [...streams.values()].flat();
    expect(streams.size).toBe(30);
    expect(events.filter((event) => event.type === 'LeadMergedInto').length).toBe(4);
    expect(events.filter((event) => event.type === 'LeadUnmerged').length).toBe(2);
    expect(leadEventsOf(events).some((event) => event.type === 'StatusChanged' && event.data.mergeId !== undefined), 'a merge moved a status').toBe(true);
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
    // A status a merge moved is nobody's change.
    const byPerson = (e: ReturnType<typeof leadEventsOf>[number]) => e.type === 'StatusChanged' && e.data.mergeId === undefined;
    const changes = leadEventsOf([...streams.values()].flat()).flatMap((e) => (e.type === 'StatusChanged' && byPerson(e) ? [`${e.data.from}->${e.data.to}`] : []));
    const expected = Object.fromEntries([...groupBy(changes, (c) => c)].map(([key, list]) => [key, list.length]));
    // A lead merged into another has left the funnel: it goes on as its survivor.
    const finals = [...streams.values()].filter((events) => leadEventsOf(events).some((e) => e.type === 'StatusChanged' && byPerson(e) && e.data.to === 'FollowUp'))
      .map(finalState).filter((lead) => lead.mergedInto === null).map((lead) => lead.status);

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
      const outcome = judge(c, NOW.getTime());
      return outcome ? [{ ...c, outcome }] : [];
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
