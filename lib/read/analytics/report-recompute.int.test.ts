// Every figure of the analytics page, under date, agent and source filters, against a plain
// TypeScript recomputation from the raw events of seeded random histories.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSystem } from '@/lib/system';
import type { StoredEvent } from '@/lib/event-store';
import { LEAD_STATUSES } from '@/lib/leads/lead';
import { catchUp } from '@/lib/read/engine/run-batch';
import { statusHistoryProjection } from '@/lib/read/status-history/projection';
import { dailyFiguresProjection } from '@/lib/read/daily-figures/projection';
import { testDb } from '@/lib/testing/database';
import {
  average, callbacksOf, finalState, groupBy, HISTORY_AGENTS, judge, mergeRandomLeads, percentile, periodsOf, writeRandomLeads,
} from '@/lib/testing/lead-histories';
import { bucketOf, windowOf, type AnalyticsFilters } from './filters';
import { loadAnalyticsReport, WAITING_LIMIT, type AnalyticsReport } from './report';
import { funnelSteps, SECTIONS, sectionTable } from '@/lib/present/analytics-tables';

const db = testDb();
const system = createSystem(db);
const { store } = system;
const NOW = new Date('2026-04-20T12:00:00Z');
const DAY = 86_400_000;

type Streams = ReadonlyMap<string, readonly StoredEvent[]>;

// ---- The page's figures from the events ------------------------------------------------------------

function recompute(streams: Streams, filters: AnalyticsFilters, now: Date) {
  const { from, to } = windowOf(filters);
  const inWindow = (time: number) => time >= from.getTime() && time < to.getTime();
  const leads = [...streams.values()].map((events) => ({ events, lead: finalState(events) }))
    .filter(({ lead }) => filters.source === null || lead.source === filters.source);
  const byAgent = (actor: string | null) => filters.agent === null || actor === filters.agent;
  const periods = leads.flatMap(({ events }) => periodsOf(events));
  const changes = periods.filter((p) => p.from !== null && inWindow(p.enteredAt) && byAgent(p.enteredBy));

  const completed = periods.filter((p) => p.seconds !== null && inWindow(p.enteredAt) && byAgent(p.enteredBy));
  const timeInStatus = LEAD_STATUSES.flatMap((status) => {
    const seconds = completed.filter((p) => p.status === status).map((p) => p.seconds!);
    if (seconds.length === 0) return [];
    return [{ status, count: seconds.length, averageSeconds: average(seconds), medianSeconds: percentile(seconds, 0.5), p90Seconds: percentile(seconds, 0.9) }];
  });

  const transitions = [...groupBy(changes, (p) => `${p.from}->${p.status}`)].map(([key, list]) => ({ key, count: list.length }));

  // A lead merged into another has left the funnel: it goes on as its survivor.
  const merged = new Set(leads.filter(({ lead }) => lead.mergedInto !== null).map(({ lead }) => lead.leadId));
  const reached = new Set(changes.filter((p) => p.status === 'FollowUp' && !merged.has(p.leadId)).map((p) => p.leadId));
  const statusNow = new Map(leads.map(({ lead }) => [lead.leadId, lead.status]));
  const funnel = {
    reachedFollowUp: reached.size,
    converted: [...reached].filter((id) => statusNow.get(id) === 'Converted').length,
    closed: [...reached].filter((id) => statusNow.get(id) === 'Closed').length,
  };

  const bucket = bucketOf(filters);
  const startOf = (time: number) => {
    const day = new Date(Math.floor(time / DAY) * DAY);
    return bucket === 'day' ? day.getTime() : day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY;
  };
  const conversions: { start: string; conversions: number }[] = [];
  for (let start = startOf(from.getTime()); start < to.getTime(); start += (bucket === 'day' ? 1 : 7) * DAY) {
    const count = changes.filter((p) => p.status === 'Converted' && startOf(p.enteredAt) === start).length;
    conversions.push({ start: new Date(start).toISOString().slice(0, 10), conversions: count });
  }

  const judged = leads.flatMap(({ events }) => callbacksOf(events))
    .filter((c) => inWindow(c.dueAt) && byAgent(c.setBy))
    .flatMap((c) => {
      const outcome = judge(c, now.getTime());
      return outcome ? [{ ...c, outcome }] : [];
    });
  const callbacks = [...groupBy(judged, (c) => String(c.setBy))].map(([agent, list]) => {
    const lateness = list.filter((c) => c.outcome === 'late').map((c) => (c.handledAt! - c.dueAt) / 1000);
    return {
      agent, due: list.length,
      onTime: list.filter((c) => c.outcome === 'on-time').length,
      late: lateness.length,
      missed: list.filter((c) => c.outcome === 'missed').length,
      averageLatenessSeconds: lateness.length ? average(lateness) : null,
    };
  }).sort((a, b) => a.agent.localeCompare(b.agent));

  const waiting = leads.map(({ events, lead }) => ({ lead, period: periodsOf(events).at(-1)! }))
    .filter(({ period }) => period.seconds === null && ['Available', 'FollowUp'].includes(period.status) && byAgent(period.enteredBy))
    .sort((a, b) => a.period.enteredAt - b.period.enteredAt || a.lead.leadId.localeCompare(b.lead.leadId))
    .slice(0, WAITING_LIMIT)
    .map(({ lead, period }) => ({ leadId: lead.leadId, leadName: lead.name, status: period.status, movedBy: period.enteredBy, waitingSeconds: (now.getTime() - period.enteredAt) / 1000 }));

  return { timeInStatus, transitions, funnel, bucket, conversions, callbacks, waiting };
}

// ---- The comparison -----------------------------------------------------------------------------------

const FILTERS: Record<string, AnalyticsFilters> = {
  'everything, by week': { from: '2026-02-20', to: '2026-04-30', agent: null, source: null },
  'two weeks, by day': { from: '2026-03-08', to: '2026-03-21', agent: null, source: null },
  'one agent': { from: '2026-02-20', to: '2026-04-30', agent: 'ben', source: null },
  'one source': { from: '2026-02-20', to: '2026-04-30', agent: null, source: 'cold' },
  'agent, source and a short range': { from: '2026-03-05', to: '2026-03-25', agent: 'ana', source: 'web' },
};

describe('the analytics figures equal a recomputation from the events', () => {
  const tenantId = `tenant-${randomUUID()}`;
  const streams = new Map<string, StoredEvent[]>();
  beforeAll(async () => {
    const leadIds = await writeRandomLeads(system, tenantId, 40, 20261123);
    await mergeRandomLeads(system, tenantId, leadIds, 6, 20261124);
    await catchUp(store, statusHistoryProjection);
    await catchUp(store, dailyFiguresProjection);
    for (const leadId of leadIds) streams.set(leadId, await store.readStream(tenantId, leadId));
  });

  it.each(Object.entries(FILTERS))('%s', async (_, filters) => {
    const actual = await loadAnalyticsReport(db, tenantId, filters, { now: NOW });
    const expected = recompute(streams, filters, NOW);

    expect(actual.timeInStatus.map((row) => [row.status, row.count])).toEqual(expected.timeInStatus.map((row) => [row.status, row.count]));
    actual.timeInStatus.forEach((row, i) => {
      for (const figure of ['averageSeconds', 'medianSeconds', 'p90Seconds'] as const) expect(row[figure]).toBeCloseTo(expected.timeInStatus[i]![figure], 6);
    });

    expect(Object.fromEntries(actual.transitions.transitions.map((t) => [`${t.from}->${t.to}`, t.count])))
      .toEqual(Object.fromEntries(expected.transitions.map((t) => [t.key, t.count])));
    expect(actual.transitions.funnel).toMatchObject(expected.funnel);

    expect(actual.bucket).toBe(expected.bucket);
    expect(actual.conversions).toEqual(expected.conversions);

    expect(actual.callbacks.map(({ p90LatenessSeconds: _p90, averageLatenessSeconds, ...rest }) => rest))
      .toEqual(expected.callbacks.map(({ averageLatenessSeconds, ...rest }) => rest));
    actual.callbacks.forEach((row, i) => {
      const want = expected.callbacks[i]!.averageLatenessSeconds;
      if (want === null) expect(row.averageLatenessSeconds).toBeNull();
      else expect(row.averageLatenessSeconds).toBeCloseTo(want, 6);
    });

    expect(actual.waiting.map(({ leadId, leadName, status, movedBy }) => ({ leadId, leadName, status, movedBy })))
      .toEqual(expected.waiting.map(({ leadId, leadName, status, movedBy }) => ({ leadId, leadName, status, movedBy })));
    actual.waiting.forEach((row, i) => expect(row.waitingSeconds).toBeCloseTo(expected.waiting[i]!.waitingSeconds, 3));
  });

  it('the filters narrow the figures, and every section has rows to compare', async () => {
    const all = await loadAnalyticsReport(db, tenantId, FILTERS['everything, by week']!, { now: NOW });
    const oneAgent = await loadAnalyticsReport(db, tenantId, FILTERS['one agent']!, { now: NOW });
    const total = (report: AnalyticsReport) => report.transitions.transitions.reduce((sum, t) => sum + t.count, 0);
    expect(total(oneAgent)).toBeGreaterThan(0);
    expect(total(oneAgent)).toBeLessThan(total(all));
    expect(oneAgent.callbacks.map((row) => row.agent)).toEqual(['ben']);
    for (const section of SECTIONS) expect(sectionTable(all, section, {}).rows.length, section).toBeGreaterThan(0);
    expect(all.conversions.some((row) => row.conversions > 0)).toBe(true);
    expect(new Set(all.callbacks.map((row) => row.agent))).toEqual(new Set(HISTORY_AGENTS));
    expect(funnelSteps(all).every((step) => step.of === null || step.count <= step.of)).toBe(true);
  });

  it('another tenant sees none of these figures', async () => {
    const other = await loadAnalyticsReport(db, `tenant-${randomUUID()}`, FILTERS['everything, by week']!, { now: NOW });
    expect([other.timeInStatus, other.transitions.transitions, other.callbacks, other.waiting].map((list) => list.length)).toEqual([0, 0, 0, 0]);
    expect(other.conversions.every((row) => row.conversions === 0)).toBe(true);
  });
});
