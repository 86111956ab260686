// A merge moves the survivor's status to the one it takes from the lead it absorbs, and its undoing
// moves it back: nobody's work. Every figure that counts changes, conversions and handled callbacks
// must count neither, in every read model that has them.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { mergeLeads, unmergeLead } from '@/lib/commands/merge-service';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { catchUp } from '@/lib/read/engine/run-batch';
import { agentActivityProjection } from '@/lib/read/agent-activity/projection';
import { agentActivityOn } from '@/lib/read/agent-activity/queries';
import { dailyFiguresProjection } from '@/lib/read/daily-figures/projection';
import { callbacksByAgent, conversionsPerBucket, statusChanges } from '@/lib/read/daily-figures/queries';
import { statusHistoryProjection } from '@/lib/read/status-history/projection';
import { callbackLateness, conversionsOverTime, transitionCounts } from '@/lib/read/status-history/queries';

const db = testDb();
const { store } = createSystem(db);
const tenantId = `tenant-${randomUUID()}`;
const at = (day: number, time: string) => new Date(`2026-05-0${day}T${time}:00.000Z`);
const as = (actorId: string, now: Date): CommandContext => ({ tenantId, actorId, region: 'GB', now });
const window = { from: at(4, '00:00'), to: at(7, '00:00') };
const projections = [agentActivityProjection, dailyFiguresProjection, statusHistoryProjection];
const catchUpAll = () => Promise.all(projections.map((projection) => catchUp(store, projection)));

async function conversionFigures() {
  const [daily, periods, monday, tuesday] = await Promise.all([
    conversionsPerBucket(db, tenantId, { ...window, bucket: 'day' }),
    conversionsOverTime(db, tenantId, { ...window, bucket: 'day' }),
    agentActivityOn(db, tenantId, '2026-05-04'),
    agentActivityOn(db, tenantId, '2026-05-05'),
  ]);
  return {
    daily: daily.map((bucket) => bucket.conversions),
    periods: periods.map((bucket) => bucket.conversions),
    byAgent: [...monday, ...tuesday].filter((row) => row.conversions > 0).map((row) => `${row.agentId}:${row.conversions}`),
  };
}

async function transitionFigures() {
  const [daily, periods] = await Promise.all([statusChanges(db, tenantId, window), transitionCounts(db, tenantId, window)]);
  const named = (list: readonly { from: string; to: string; count: number }[]) => list.map((row) => `${row.from}->${row.to}:${row.count}`).sort();
  return { daily: named(daily.transitions), periods: named(periods.transitions), reached: [daily.funnel.reachedFollowUp, periods.funnel.reachedFollowUp] };
}

describe('a merge that hands a converted status to the survivor', () => {
  let survivorId = '';
  let mergeId = '';
  beforeAll(async () => {
    // Given Ana's lead waits on a callback due at noon, and Ben converted another lead of the same person
    survivorId = randomUUID();
    const leadId = randomUUID();
    await executeLeadCommand(store, as('ana', at(4, '09:00')), { type: 'RegisterLead', data: { leadId: survivorId, name: 'Jane Doe', phones: ['07700 900123'], emails: [], source: 'web' } });
    await executeLeadCommand(store, as('ben', at(4, '09:00')), { type: 'RegisterLead', data: { leadId, name: 'Jane Doe', phones: ['020 7946 0018'], emails: [], source: 'web' } });
    await executeLeadCommand(store, as('ana', at(4, '09:30')), { type: 'ChangeStatus', leadId: survivorId, data: { status: 'FollowUp', followUpAt: at(4, '12:00').toISOString() } });
    await executeLeadCommand(store, as('ben', at(4, '10:00')), { type: 'ChangeStatus', leadId, data: { status: 'Converted' } });
    // When Maria merges them the next day, keeping the converted status
    const choices = { name: 'Jane Doe', phones: ['+447700900123', '+442079460018'], emails: [], ownerId: null, status: 'Converted', followUpAt: null };
    const merged = await mergeLeads(store, as('maria', at(5, '10:00')), { survivorId, leadId, survivorVersion: 3, leadVersion: 2, choices });
    mergeId = merged.events.find((event) => event.type === 'LeadAbsorbed')!.data.mergeId as string;
    await catchUpAll();
  });

  it('counts Ben’s conversion once, on the day he made it, and none for Maria', async () => {
    expect(await conversionFigures()).toEqual({ daily: [1, 0, 0], periods: [1, 0, 0], byAgent: ['ben:1'] });
  });

  it('counts no status change for the merge, and Ana’s callback as missed, not handled by the merge', async () => {
    expect(await transitionFigures()).toEqual({
      daily: ['Available->Converted:1', 'Available->FollowUp:1'], periods: ['Available->Converted:1', 'Available->FollowUp:1'], reached: [1, 1],
    });
    const now = at(6, '12:00');
    const [daily, periods] = await Promise.all([callbacksByAgent(db, tenantId, { ...window, now }), callbackLateness(db, tenantId, { ...window, now })]);
    for (const figures of [daily, periods]) expect(figures).toMatchObject([{ agent: 'ana', due: 1, onTime: 0, late: 0, missed: 1 }]);
  });

  it('counts nothing more when the merge is undone', async () => {
    await unmergeLead(store, as('maria', at(6, '10:00')), { survivorId, mergeId });
    await catchUpAll();
    expect(await conversionFigures()).toEqual({ daily: [1, 0, 0], periods: [1, 0, 0], byAgent: ['ben:1'] });
    expect((await transitionFigures()).daily).toEqual(['Available->Converted:1', 'Available->FollowUp:1']);
    expect((await transitionFigures()).periods).toEqual(['Available->Converted:1', 'Available->FollowUp:1']);
  });
});
