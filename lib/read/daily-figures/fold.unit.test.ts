// The daily figures' fold: given the events a lead already had (an earlier batch), when the next
// batch's events arrive, then what the batch adds to each daily table.
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@/lib/event-store';
import type { LeadEvent } from '@/lib/leads';
import type { LeadStatus } from '@/lib/leads/lead';
import { bucketOf } from './buckets';
import { dailyFigures, NO_EARLIER_DAY, type DailyFigures, type LeadFigures } from './fold';

const TENANT = 'tenant-1';
const LEAD = 'lead-1';
let version = 0;

function event(at: string, actor: string | null, lead: LeadEvent, leadId = LEAD): StoredEvent {
  version += 1;
  return {
    position: BigInt(version), txId: 1n, tenantId: TENANT, streamId: leadId, streamType: 'lead', version, schemaVersion: 1,
    type: lead.type, data: lead.data, metadata: { actor: actor ?? undefined }, occurredAt: new Date(at),
  } as StoredEvent;
}

const registered = (at: string, actor = 'ana', source = 'web') =>
  event(at, actor, { type: 'LeadRegistered', data: { leadId: LEAD, name: 'Jane', phones: [], emails: [], source, ownerId: null } });
const changed = (at: string, actor: string, from: LeadStatus, to: LeadStatus) =>
  event(at, actor, { type: 'StatusChanged', data: { from, to } });
const scheduled = (at: string, actor: string, due: string) =>
  event(at, actor, { type: 'FollowUpScheduled', data: { at: due, previousAt: null, agentId: null } });
const cleared = (at: string, actor: string) => event(at, actor, { type: 'FollowUpCleared', data: { previousAt: at, reason: 'cleared' } });
const called = (at: string, actor: string, outcome = 'no-answer', contact = false) =>
  event(at, actor, { type: 'CallOutcomeRecorded', data: { outcome, phone: null, at: null, contact, notes: null, agentId: null } });

/** given the earlier events (one batch), when the next batch: then the next batch's figures. */
function given(earlier: readonly StoredEvent[]) {
  const before: LeadFigures[] = dailyFigures([], earlier).leads;
  return { when: (next: readonly StoredEvent[]): DailyFigures => dailyFigures(before, next) };
}

const onlyScope = <Row extends { scope: string }>(rows: readonly Row[], scope: string) => rows.filter((row) => row.scope === scope);

describe('when a lead is registered and moved on', () => {
  const figures = given([registered('2026-03-01T09:00:00Z')]).when([changed('2026-03-02T10:00:00Z', 'ben', 'Available', 'FollowUp')]);

  it('counts the change on the day it was made, under every scope of its agent and the lead\u2019s source', () => {
    expect(figures.changes.map(({ scope, agent_id, source, day, from_status, to_status, changes }) => ({ scope, agent_id, source, day, from_status, to_status, changes })))
      .toEqual([
        { scope: 'all', agent_id: '', source: '', day: '2026-03-02', from_status: 'Available', to_status: 'FollowUp', changes: 1 },
        { scope: 'agent', agent_id: 'ben', source: '', day: '2026-03-02', from_status: 'Available', to_status: 'FollowUp', changes: 1 },
        { scope: 'source', agent_id: '', source: 'web', day: '2026-03-02', from_status: 'Available', to_status: 'FollowUp', changes: 1 },
        { scope: 'agent+source', agent_id: 'ben', source: 'web', day: '2026-03-02', from_status: 'Available', to_status: 'FollowUp', changes: 1 },
      ]);
  });

  it('counts the period it ended on the day it was entered, by who entered it, in its duration bucket, and keeps its length', () => {
    const seconds = 25 * 3600;
    expect(onlyScope(figures.durations, 'agent')).toEqual([
      { tenant_id: TENANT, scope: 'agent', agent_id: 'ana', source: '', day: '2026-03-01', status: 'Available', bucket: bucketOf(seconds), periods: 1, milliseconds: seconds * 1000 },
    ]);
    expect(figures.lengths).toEqual([expect.objectContaining({ status: 'Available', entered_by: 'ana', source: 'web', duration_seconds: seconds })]);
  });

  it('counts the lead as reached Follow-up, with no earlier move', () => {
    expect(onlyScope(figures.funnel, 'all')).toEqual([
      { tenant_id: TENANT, scope: 'all', agent_id: '', source: '', day: '2026-03-02', previous_day: NO_EARLIER_DAY, reached: 1, converted: 0, closed: 0 },
    ]);
  });
});

describe('when a lead on Follow-up is converted later', () => {
  const earlier = [registered('2026-03-01T09:00:00Z'), changed('2026-03-02T10:00:00Z', 'ben', 'Available', 'FollowUp')];

  it('moves its earlier move into Follow-up to Converted, without counting it as reached again', () => {
    const figures = given(earlier).when([changed('2026-03-09T10:00:00Z', 'cleo', 'FollowUp', 'Converted')]);
    expect(onlyScope(figures.funnel, 'agent')).toEqual([
      { tenant_id: TENANT, scope: 'agent', agent_id: 'ben', source: '', day: '2026-03-02', previous_day: NO_EARLIER_DAY, reached: 0, converted: 1, closed: 0 },
    ]);
  });

  it('takes a Closed lead out of Closed when it is reopened', () => {
    const closed = [...earlier, changed('2026-03-05T10:00:00Z', 'ben', 'FollowUp', 'Closed')];
    const figures = given(closed).when([changed('2026-03-09T10:00:00Z', 'cleo', 'Closed', 'Available')]);
    expect(onlyScope(figures.funnel, 'all').map((row) => row.closed)).toEqual([-1]);
  });
});

describe('when a lead moves into Follow-up a second time', () => {
  const earlier = [
    registered('2026-03-01T09:00:00Z'), changed('2026-03-02T10:00:00Z', 'ben', 'Available', 'FollowUp'), changed('2026-03-03T10:00:00Z', 'ben', 'FollowUp', 'Available'),
  ];
  const figures = given(earlier).when([changed('2026-03-06T10:00:00Z', 'cleo', 'Available', 'FollowUp')]);

  it('records the day of its previous move overall, and of the same agent\u2019s previous move (none) for the agent', () => {
    const reached = figures.funnel.filter((row) => row.reached === 1).map(({ scope, agent_id, day, previous_day }) => ({ scope, agent_id, day, previous_day }));
    expect(reached).toEqual([
      { scope: 'all', agent_id: '', day: '2026-03-06', previous_day: '2026-03-02' },
      { scope: 'agent', agent_id: 'cleo', day: '2026-03-06', previous_day: NO_EARLIER_DAY },
      { scope: 'source', agent_id: '', day: '2026-03-06', previous_day: '2026-03-02' },
      { scope: 'agent+source', agent_id: 'cleo', day: '2026-03-06', previous_day: NO_EARLIER_DAY },
    ]);
  });
});

describe('callbacks', () => {
  const lead = registered('2026-03-01T09:00:00Z');
  const withCallback = [lead, scheduled('2026-03-01T10:00:00Z', 'ana', '2026-03-04T12:00:00Z')];
  const settled = (figures: DailyFigures) => onlyScope(figures.callbacks, 'agent').map(({ agent_id, due_day, on_time, late, missed, open, late_milliseconds }) => ({ agent_id, due_day, on_time, late, missed, open, late_milliseconds }));

  it('a callback set is open on its due day, for who set it, under the agent scopes only', () => {
    const figures = given([lead]).when([scheduled('2026-03-01T10:00:00Z', 'ana', '2026-03-04T12:00:00Z')]);
    expect(figures.callbacks.map((row) => row.scope)).toEqual(['agent', 'agent+source']);
    expect(settled(figures)).toEqual([{ agent_id: 'ana', due_day: '2026-03-04', on_time: 0, late: 0, missed: 0, open: 1, late_milliseconds: 0 }]);
  });

  it('a call after its due time handles it late, by how long, in a lateness bucket', () => {
    const figures = given(withCallback).when([called('2026-03-04T13:00:00Z', 'ben')]);
    expect(settled(figures)).toEqual([{ agent_id: 'ana', due_day: '2026-03-04', on_time: 0, late: 1, missed: 0, open: -1, late_milliseconds: 3_600_000 }]);
    expect(onlyScope(figures.lateness, 'agent')).toEqual([expect.objectContaining({ agent_id: 'ana', bucket: bucketOf(3600), callbacks: 1 })]);
  });

  it('a status change at its due time handles it on time', () => {
    const figures = given(withCallback).when([changed('2026-03-04T12:00:00Z', 'ben', 'Available', 'Closed')]);
    expect(settled(figures)).toEqual([{ agent_id: 'ana', due_day: '2026-03-04', on_time: 1, late: 0, missed: 0, open: -1, late_milliseconds: 0 }]);
  });

  it('moved after its due time unhandled, it was missed; the new one is open', () => {
    const figures = given(withCallback).when([scheduled('2026-03-05T09:00:00Z', 'cleo', '2026-03-08T09:00:00Z')]);
    expect(settled(figures)).toEqual([
      { agent_id: 'ana', due_day: '2026-03-04', on_time: 0, late: 0, missed: 1, open: -1, late_milliseconds: 0 },
      { agent_id: 'cleo', due_day: '2026-03-08', on_time: 0, late: 0, missed: 0, open: 1, late_milliseconds: 0 },
    ]);
  });

  it('cleared before its due time, it was withdrawn: it only stops being open', () => {
    const figures = given(withCallback).when([cleared('2026-03-02T09:00:00Z', 'ben')]);
    expect(settled(figures)).toEqual([{ agent_id: 'ana', due_day: '2026-03-04', on_time: 0, late: 0, missed: 0, open: -1, late_milliseconds: 0 }]);
  });

  it('once handled, a later call or clearing changes nothing', () => {
    const handled = [...withCallback, called('2026-03-03T09:00:00Z', 'ben')];
    expect(given(handled).when([called('2026-03-05T09:00:00Z', 'ben'), cleared('2026-03-06T09:00:00Z', 'ben')]).callbacks).toEqual([]);
  });
});

describe('calls', () => {
  it('counts each disposition and the calls that reached the person, by who called', () => {
    const figures = given([registered('2026-03-01T09:00:00Z')]).when([
      called('2026-03-02T09:00:00Z', 'ben', 'no-answer'), called('2026-03-02T10:00:00Z', 'ben', 'interested', true), called('2026-03-02T11:00:00Z', 'ben', 'no-answer'),
    ]);
    expect(onlyScope(figures.calls, 'agent').map(({ agent_id, day, outcome, calls, contacts }) => ({ agent_id, day, outcome, calls, contacts }))).toEqual([
      { agent_id: 'ben', day: '2026-03-02', outcome: 'no-answer', calls: 2, contacts: 0 },
      { agent_id: 'ben', day: '2026-03-02', outcome: 'interested', calls: 1, contacts: 1 },
    ]);
  });
});

describe('batches', () => {
  it('folding the events in two batches adds up to folding them in one', () => {
    const events = [
      registered('2026-03-01T09:00:00Z'), scheduled('2026-03-01T10:00:00Z', 'ana', '2026-03-04T12:00:00Z'),
      changed('2026-03-02T10:00:00Z', 'ben', 'Available', 'FollowUp'), called('2026-03-05T09:00:00Z', 'ben'),
      changed('2026-03-06T10:00:00Z', 'cleo', 'FollowUp', 'Converted'),
    ];
    const whole = dailyFigures([], events);
    const first = dailyFigures([], events.slice(0, 3));
    const second = dailyFigures(first.leads, events.slice(3));
    const total = (rows: readonly object[], field: string) => rows.reduce((sum, row) => sum + ((row as Record<string, unknown>)[field] as number), 0);
    for (const [table, field] of [['changes', 'changes'], ['durations', 'milliseconds'], ['funnel', 'reached'], ['funnel', 'converted'], ['callbacks', 'late'], ['callbacks', 'open']] as const) {
      expect(total(first[table], field) + total(second[table], field), `${table}.${field}`).toBe(total(whole[table], field));
    }
    expect(second.leads).toEqual(whole.leads);
  });
});
