import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { catchUp } from '../engine/run-batch';
import { statusHistoryProjection } from './projection';
import { callbackLateness, leadTimeline, mostOverdueCallbacks, statusDurationStats, timeInStatusForLead, transitionCounts } from './queries';

const db = testDb();
const { store, dialing } = createSystem(db);
const HOUR = 3600;
const DAY = 24 * HOUR;
const NOW = new Date('2026-01-06T10:00:00.000Z');

/** Carries out one command as `actorId` at the given moment. */
const at = (tenantId: string, actorId: string, now: string, input: Record<string, unknown>) =>
  executeLeadCommand(store, { tenantId, actorId, region: 'GB', now: new Date(now), dialing }, input);

async function register(tenantId: string, actorId: string, now: string, name: string, source: string) {
  const leadId = randomUUID();
  await at(tenantId, actorId, now, { type: 'RegisterLead', data: { leadId, name, emails: [`${leadId}@example.com`], source } });
  return leadId;
}

/**
 * Five leads with known times, worked by Ana and Ben:
 * A: Available 1h, Follow-up (Ana, due 01-02 10:00, called 2h late by Ben) 47h, Converted.
 * B: Available 2h, Follow-up (Ana, due 01-01 15:00, called 1h early) 4.5h, Closed.
 * C: Available 1h, Follow-up (Ben) never called, moved after it was due, moved callback still open.
 * D: Available 2h, Closed 24h, Available 6h, Follow-up (Ana, due 01-04 09:00, converted 30 min late) 15.5h, Converted.
 * E: Available, callback (due 01-05 08:00) set and cleared before it was due.
 */
async function buildScenario(tenantId: string) {
  const a = await register(tenantId, 'ana', '2026-01-01T09:00:00Z', 'Alice', 'web');
  await at(tenantId, 'ana', '2026-01-01T10:00:00Z', { type: 'ChangeStatus', leadId: a, data: { status: 'FollowUp', followUpAt: '2026-01-02T10:00:00Z' } });
  await at(tenantId, 'ben', '2026-01-02T12:00:00Z', { type: 'RecordCallOutcome', leadId: a, data: { outcome: 'voicemail' } });
  await at(tenantId, 'ben', '2026-01-03T09:00:00Z', { type: 'ChangeStatus', leadId: a, data: { status: 'Converted' } });

  const b = await register(tenantId, 'ana', '2026-01-01T09:30:00Z', 'Bob', 'cold');
  await at(tenantId, 'ana', '2026-01-01T11:30:00Z', { type: 'ChangeStatus', leadId: b, data: { status: 'FollowUp', followUpAt: '2026-01-01T15:00:00Z' } });
  await at(tenantId, 'ana', '2026-01-01T14:00:00Z', { type: 'RecordCallOutcome', leadId: b, data: { outcome: 'busy' } });
  await at(tenantId, 'ben', '2026-01-01T16:00:00Z', { type: 'ChangeStatus', leadId: b, data: { status: 'Closed' } });

  const c = await register(tenantId, 'ben', '2026-01-02T08:00:00Z', 'Carol', 'web');
  await at(tenantId, 'ben', '2026-01-02T09:00:00Z', { type: 'ChangeStatus', leadId: c, data: { status: 'FollowUp', followUpAt: '2026-01-03T09:00:00Z' } });
  await at(tenantId, 'ben', '2026-01-04T10:00:00Z', { type: 'SetFollowUp', leadId: c, data: { at: '2026-01-05T10:00:00Z' } });

  const d = await register(tenantId, 'ben', '2026-01-02T10:00:00Z', 'Dan', 'web');
  await at(tenantId, 'ben', '2026-01-02T12:00:00Z', { type: 'ChangeStatus', leadId: d, data: { status: 'Closed' } });
  await at(tenantId, 'ana', '2026-01-03T12:00:00Z', { type: 'ChangeStatus', leadId: d, data: { status: 'Available' } });
  await at(tenantId, 'ana', '2026-01-03T18:00:00Z', { type: 'ChangeStatus', leadId: d, data: { status: 'FollowUp', followUpAt: '2026-01-04T09:00:00Z' } });
  await at(tenantId, 'ana', '2026-01-04T09:30:00Z', { type: 'ChangeStatus', leadId: d, data: { status: 'Converted' } });

  const e = await register(tenantId, 'ana', '2026-01-02T09:00:00Z', 'Eve', 'web');
  await at(tenantId, 'ana', '2026-01-02T10:00:00Z', { type: 'SetFollowUp', leadId: e, data: { at: '2026-01-05T08:00:00Z' } });
  await at(tenantId, 'ana', '2026-01-03T10:00:00Z', { type: 'ClearFollowUp', leadId: e });

  await catchUp(store, statusHistoryProjection);
  return { a, b, c, d, e };
}

describe('status history queries on leads with known times', () => {
  const tenantId = `tenant-${randomUUID()}`;
  let leads: Awaited<ReturnType<typeof buildScenario>>;
  beforeAll(async () => {
    leads = await buildScenario(tenantId);
  });

  describe('a lead\'s timeline', () => {
    it('lists its periods in order, the open one lasting until now', async () => {
      expect(await leadTimeline(db, tenantId, leads.d, { now: NOW })).toEqual([
        { version: 1, status: 'Available', enteredAt: '2026-01-02T10:00:00.000Z', enteredBy: 'ben', leftAt: '2026-01-02T12:00:00.000Z', leftBy: 'ben', durationSeconds: 2 * HOUR, current: false, followUpAt: null },
        { version: 2, status: 'Closed', enteredAt: '2026-01-02T12:00:00.000Z', enteredBy: 'ben', leftAt: '2026-01-03T12:00:00.000Z', leftBy: 'ana', durationSeconds: DAY, current: false, followUpAt: null },
        { version: 3, status: 'Available', enteredAt: '2026-01-03T12:00:00.000Z', enteredBy: 'ana', leftAt: '2026-01-03T18:00:00.000Z', leftBy: 'ana', durationSeconds: 6 * HOUR, current: false, followUpAt: null },
        { version: 4, status: 'FollowUp', enteredAt: '2026-01-03T18:00:00.000Z', enteredBy: 'ana', leftAt: '2026-01-04T09:30:00.000Z', leftBy: 'ana', durationSeconds: 15.5 * HOUR, current: false, followUpAt: '2026-01-04T09:00:00.000Z' },
        { version: 6, status: 'Converted', enteredAt: '2026-01-04T09:30:00.000Z', enteredBy: 'ana', leftAt: null, leftBy: null, durationSeconds: 2 * DAY + 30 * 60, current: true, followUpAt: null },
      ]);
    });

    it('shows the moved callback time on the open Follow-up period', async () => {
      const timeline = await leadTimeline(db, tenantId, leads.c, { now: NOW });
      expect(timeline.map((p) => [p.status, p.durationSeconds, p.followUpAt])).toEqual([
        ['Available', HOUR, null],
        ['FollowUp', 4 * DAY + HOUR, '2026-01-05T10:00:00.000Z'],
      ]);
    });

    it('is empty for a lead of another tenant', async () => {
      expect(await leadTimeline(db, `tenant-${randomUUID()}`, leads.d, { now: NOW })).toEqual([]);
    });
  });

  it('adds up the time a lead spent in each status, the current one until now', async () => {
    expect(await timeInStatusForLead(db, tenantId, leads.d, { now: NOW })).toEqual([
      { status: 'Available', seconds: 8 * HOUR, periods: 2 },
      { status: 'FollowUp', seconds: 15.5 * HOUR, periods: 1 },
      { status: 'Closed', seconds: DAY, periods: 1 },
      { status: 'Converted', seconds: 2 * DAY + 30 * 60, periods: 1 },
    ]);
  });

  describe('time in status across leads (completed periods only)', () => {
    it('per status: count, average, median, p90 and p95', async () => {
      const stats = await statusDurationStats(db, tenantId, { groupBy: 'status' });
      expect(stats.map((s) => [s.status, s.group, s.count, s.averageSeconds, s.medianSeconds])).toEqual([
        ['Available', null, 5, 8640, 2 * HOUR], // 1h, 1h, 2h, 2h, 6h
        ['FollowUp', null, 3, 80_400, 15.5 * HOUR], // 4.5h, 15.5h, 47h
        ['Closed', null, 1, DAY, DAY],
      ]);
      expect(stats[0]!.p90Seconds).toBeCloseTo(15_840, 6);
      expect(stats[0]!.p95Seconds).toBeCloseTo(18_720, 6);
      expect(stats[1]!.p90Seconds).toBeCloseTo(146_520, 6);
      expect(stats[1]!.p95Seconds).toBeCloseTo(157_860, 6);
    });

    it('per agent who moved the lead into the status', async () => {
      const stats = await statusDurationStats(db, tenantId, { groupBy: 'agent' });
      expect(stats.map((s) => [s.group, s.status, s.count, s.medianSeconds])).toEqual([
        ['ana', 'Available', 3, 2 * HOUR],
        ['ana', 'FollowUp', 3, 15.5 * HOUR],
        ['ben', 'Available', 2, 1.5 * HOUR],
        ['ben', 'Closed', 1, DAY],
      ]);
    });

    it('per UTC day and per ISO week the period was entered', async () => {
      const byDay = await statusDurationStats(db, tenantId, { groupBy: 'day' });
      expect(byDay.map((s) => [s.group, s.status, s.count, s.averageSeconds])).toEqual([
        ['2026-01-01', 'Available', 2, 1.5 * HOUR],
        ['2026-01-01', 'FollowUp', 2, (47 + 4.5) * HOUR / 2],
        ['2026-01-02', 'Available', 2, 1.5 * HOUR],
        ['2026-01-02', 'Closed', 1, DAY],
        ['2026-01-03', 'Available', 1, 6 * HOUR],
        ['2026-01-03', 'FollowUp', 1, 15.5 * HOUR],
      ]);
      const byWeek = await statusDurationStats(db, tenantId, { groupBy: 'week' });
      expect(byWeek.map((s) => [s.group, s.status, s.count])).toEqual([
        ['2025-12-29', 'Available', 5],
        ['2025-12-29', 'FollowUp', 3],
        ['2025-12-29', 'Closed', 1],
      ]);
    });

    it('filtered by lead source, agent and the time the period was entered', async () => {
      const cold = await statusDurationStats(db, tenantId, { groupBy: 'status', source: 'cold' });
      expect(cold.map((s) => [s.status, s.count, s.averageSeconds])).toEqual([
        ['Available', 1, 2 * HOUR],
        ['FollowUp', 1, 4.5 * HOUR],
      ]);
      const bensSince = await statusDurationStats(db, tenantId, { groupBy: 'status', agent: 'ben', from: new Date('2026-01-02T09:00:00Z') });
      expect(bensSince.map((s) => [s.status, s.count, s.averageSeconds])).toEqual([
        ['Available', 1, 2 * HOUR],
        ['Closed', 1, DAY],
      ]);
      const untilJan2 = await statusDurationStats(db, tenantId, { groupBy: 'status', to: new Date('2026-01-02T00:00:00Z') });
      expect(untilJan2.map((s) => [s.status, s.count])).toEqual([['Available', 2], ['FollowUp', 2]]);
    });
  });

  describe('transitions', () => {
    it('counts each change from one status to the next, and the follow-up funnel', async () => {
      expect(await transitionCounts(db, tenantId)).toEqual({
        transitions: [
          { from: 'Available', to: 'FollowUp', count: 4 },
          { from: 'Available', to: 'Closed', count: 1 },
          { from: 'FollowUp', to: 'Closed', count: 1 },
          { from: 'FollowUp', to: 'Converted', count: 2 },
          { from: 'Closed', to: 'Available', count: 1 },
        ],
        funnel: { reachedFollowUp: 4, converted: 2, closed: 1, conversionRate: 0.5, closeRate: 0.25 },
      });
    });

    it('in a window, counts the changes made in it and the leads put on follow-up in it', async () => {
      expect(await transitionCounts(db, tenantId, { from: new Date('2026-01-03T00:00:00Z'), to: new Date('2026-01-04T00:00:00Z') })).toEqual({
        transitions: [
          { from: 'Available', to: 'FollowUp', count: 1 },
          { from: 'FollowUp', to: 'Converted', count: 1 },
          { from: 'Closed', to: 'Available', count: 1 },
        ],
        funnel: { reachedFollowUp: 1, converted: 1, closed: 0, conversionRate: 1, closeRate: 0 },
      });
    });

    it('has no rates when no lead reached Follow-up', async () => {
      const { funnel } = await transitionCounts(db, tenantId, { from: new Date('2026-01-05T00:00:00Z') });
      expect(funnel).toEqual({ reachedFollowUp: 0, converted: 0, closed: 0, conversionRate: null, closeRate: null });
    });
  });

  describe('callback lateness', () => {
    it('per agent who set them: on time, late, missed; lateness over the late ones', async () => {
      const lateness = await callbackLateness(db, tenantId, { now: NOW });
      expect(lateness).toEqual([
        // A 2h late, B 1h early, D 30 min late; E's was cleared before it was due and does not count.
        { agent: 'ana', due: 3, onTime: 1, late: 2, missed: 0, averageLatenessSeconds: 4500, p90LatenessSeconds: expect.closeTo(6660, 6) },
        // C's first was moved a day after it was due; the second is open, a day overdue.
        { agent: 'ben', due: 2, onTime: 0, late: 0, missed: 2, averageLatenessSeconds: null, p90LatenessSeconds: null },
      ]);
    });

    it('an open callback not due yet is pending, not missed', async () => {
      const lateness = await callbackLateness(db, tenantId, { now: new Date('2026-01-05T09:00:00Z'), agent: 'ben' });
      expect(lateness).toEqual([{ agent: 'ben', due: 1, onTime: 0, late: 0, missed: 1, averageLatenessSeconds: null, p90LatenessSeconds: null }]);
    });

    it('filtered by due time', async () => {
      const lateness = await callbackLateness(db, tenantId, { now: NOW, from: new Date('2026-01-02T00:00:00Z'), to: new Date('2026-01-05T00:00:00Z') });
      expect(lateness.map((l) => [l.agent, l.due, l.onTime, l.late, l.missed, l.averageLatenessSeconds])).toEqual([
        ['ana', 2, 0, 2, 0, 4500],
        ['ben', 1, 0, 0, 1, null],
      ]);
    });

    it('lists open callbacks whose time has passed, the most overdue first', async () => {
      expect(await mostOverdueCallbacks(db, tenantId, { now: NOW })).toEqual([
        { leadId: leads.c, leadName: 'Carol', ownerId: null, dueAt: '2026-01-05T10:00:00.000Z', setAt: '2026-01-04T10:00:00.000Z', setBy: 'ben', overdueSeconds: DAY },
      ]);
      expect(await mostOverdueCallbacks(db, tenantId, { now: NOW, agent: 'ana' })).toEqual([]);
      expect(await mostOverdueCallbacks(db, tenantId, { now: new Date('2026-01-05T09:00:00Z') })).toEqual([]);
    });
  });
});
