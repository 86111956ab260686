// "Next lead" against a real PostgreSQL: the order it offers leads in, its claims (never one lead to
// two agents, also from two server processes at once), and what it never offers.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { executeLeadCommand, type CommandContext } from './lead-commands';
import { mergeLeads } from './merge-service';
import { nextLead } from './next-lead';
import { changeDialingRules } from './dialing-rules-service';
import { changeNumber } from './do-not-call-service';
import { DEFAULT_DIALING_RULES } from '@/lib/dialing/rules';
import { blockedNumbers } from '@/lib/read/do-not-call/queries';

const system = createSystem(testDb({ poolSize: 20 }));
// A Wednesday, 10:00 in London: inside the default calling hours.
const NOW = new Date('2026-03-04T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

function tenant() {
  const tenantId = `tenant-${randomUUID()}`;
  const as = (actorId: string, now = NOW): CommandContext => ({ tenantId, actorId, region: 'GB', now, dialing: system.dialing });
  let n = 0;
  const register = async (data: Record<string, unknown> = {}, at = minutes(-600 + n)) => {
    const leadId = randomUUID();
    n++;
    await executeLeadCommand(system.store, as('admin', at), { type: 'RegisterLead', data: { leadId, name: `Lead ${n}`, phones: [`07911 ${String(300000 + n)}`], ...data } });
    return leadId;
  };
  return { tenantId, as, register };
}

const claimedIn = async (tenantId: string, leadId: string) =>
  (await system.store.readStream(tenantId, leadId)).filter((event) => event.type === 'LeadClaimed').map((event) => (event.data as { agentId: string }).agentId);

describe('next lead', () => {
  it('offers the agent\u2019s own due callback first, then overdue callbacks open to anyone, then retries due, then fresh leads oldest first', async () => {
    const { tenantId, as, register } = tenant();
    const freshOld = await register();
    await register();
    const retried = await register();
    await executeLeadCommand(system.store, as('ben', minutes(-200)), { type: 'RecordCallOutcome', leadId: retried, data: { outcome: 'no-answer' } }); // due again after 2 h
    const anyones = await register();
    await executeLeadCommand(system.store, as('ben', minutes(-90)), { type: 'ChangeStatus', leadId: anyones, data: { status: 'FollowUp', followUpAt: minutes(-30).toISOString() } });
    const anasOwn = await register({ ownerId: 'ana' });
    await executeLeadCommand(system.store, as('ana', minutes(-90)), { type: 'ChangeStatus', leadId: anasOwn, data: { status: 'FollowUp', followUpAt: minutes(-5).toISOString() } });
    const notYet = await register();
    await executeLeadCommand(system.store, as('ben', minutes(-90)), { type: 'ChangeStatus', leadId: notYet, data: { status: 'FollowUp', followUpAt: minutes(60).toISOString() } });

    const offered: string[] = [];
    for (let i = 0; i < 4; i++) {
      const next = await nextLead(system, tenantId, `agent-${i === 0 ? 'ana' : i}`.replace('agent-ana', 'ana'), NOW);
      expect(next.kind).toBe('claimed');
      if (next.kind === 'claimed') offered.push(`${next.tier}:${next.leadId}`);
    }
    expect(offered).toEqual([`own-callback:${anasOwn}`, `overdue-callback:${anyones}`, `retry:${retried}`, `fresh:${freshOld}`]);
  });

  it('gives an agent the lead they already hold until they finish it, and returns a lead to everyone when the claim runs out', async () => {
    const { tenantId, register } = tenant();
    const only = await register();
    const first = await nextLead(system, tenantId, 'ana', NOW);
    expect(first).toMatchObject({ kind: 'claimed', leadId: only });
    expect(await nextLead(system, tenantId, 'ana', minutes(1))).toMatchObject({ kind: 'claimed', leadId: only, tier: 'held' });
    expect(await nextLead(system, tenantId, 'ben', minutes(1))).toMatchObject({ kind: 'none' });
    expect(await nextLead(system, tenantId, 'ben', minutes(6))).toMatchObject({ kind: 'claimed', leadId: only });
    expect(await claimedIn(tenantId, only)).toEqual(['ana', 'ben']);
  });

  it('never offers a lead outside its calling hours, marked do not call, or used up', async () => {
    const { tenantId, as, register } = tenant();
    const late = await register({}, minutes(-700));
    await executeLeadCommand(system.store, as('ana'), { type: 'SetTimeZone', leadId: late, data: { timeZone: 'Asia/Tokyo' } }); // 19:00 there... on a Wednesday in March: open
    await executeLeadCommand(system.store, as('ana'), { type: 'SetTimeZone', leadId: late, data: { timeZone: 'Pacific/Honolulu' } }); // 00:00 there: closed
    const unwilling = await register();
    await executeLeadCommand(system.store, as('ana'), { type: 'RequestDoNotCall', leadId: unwilling, data: { reason: 'Asked on the phone' } });
    const listed = await register({ phones: ['07911 399001'] });
    await changeNumber(system.store, { tenantId, id: 'maria' }, 'block', { phone: '07911 399001', reason: 'On the national register' }, { now: minutes(-1) });
    expect(await nextLead(system, tenantId, 'ana', NOW)).toEqual({ kind: 'none', collisions: 0 });
    expect(await claimedIn(tenantId, listed)).toEqual([]);
    const callable = await register();
    expect(await nextLead(system, tenantId, 'ana', NOW)).toMatchObject({ kind: 'claimed', leadId: callable });
  });

  it('never offers a lead merged into another: it goes on as the lead it was merged into', async () => {
    const { tenantId, register } = tenant();
    const merged = await register({}, minutes(-700));
    const survivor = await register();
    await mergeLeads(system.store, { tenantId, actorId: 'maria', now: minutes(-1) }, {
      survivorId: survivor, leadId: merged, survivorVersion: 1, leadVersion: 1,
      choices: { name: 'Lead 2', phones: ['+447911300002'], status: 'Available' },
    });
    expect(await nextLead(system, tenantId, 'ana', NOW)).toMatchObject({ kind: 'claimed', leadId: survivor });
    expect(await nextLead(system, tenantId, 'ben', NOW)).toEqual({ kind: 'none', collisions: 0 });
    expect(await claimedIn(tenantId, merged)).toEqual([]);
  });

  it('a disposition that puts the number on the do-not-call list blocks it with the call, in one transaction; the lead\u2019s other number is still called', async () => {
    const { tenantId, as, register } = tenant();
    await changeDialingRules(system, { tenantId, id: 'maria' }, 'dispositions', {
      dispositions: [...DEFAULT_DIALING_RULES.dispositions, { code: 'not-this-number', label: 'Not on this number', effect: { contact: true, retry: { afterMinutes: 2, maxAttempts: 6 }, status: null, callback: null, doNotCall: 'number', wrongNumber: false } }],
    });
    const leadId = await register({ phones: ['07911 399101', '07911 399102'] });
    const commandId = randomUUID();
    await executeLeadCommand(system.store, as('ana'), { type: 'RecordCallOutcome', leadId, commandId, data: { outcome: 'not-this-number', phone: '07911 399101' } });

    const [recorded] = (await system.store.readStream(tenantId, leadId)).filter((event) => event.type === 'CallOutcomeRecorded');
    const [blocked] = await system.store.readStream(tenantId, 'dnc:+447911399101');
    expect(blocked).toMatchObject({ type: 'NumberBlocked', data: { phone: '+447911399101', reason: 'Call recorded as Not on this number', source: 'call' }, metadata: { actor: 'ana' } });
    expect(blocked!.txId).toBe(recorded!.txId);
    expect(blocked!.metadata.commandId).toBe(commandId);
    expect([...(await blockedNumbers(system.db, tenantId, ['+447911399101', '+447911399102'])).keys()]).toEqual(['+447911399101']);

    // Recorded again (a retry of the same call): nothing twice; and once more as a new call: the number is already listed.
    expect(await executeLeadCommand(system.store, as('ana'), { type: 'RecordCallOutcome', leadId, commandId, data: { outcome: 'not-this-number', phone: '07911 399101' } })).toMatchObject({ duplicate: true });
    await executeLeadCommand(system.store, as('ana', minutes(1)), { type: 'RecordCallOutcome', leadId, data: { outcome: 'not-this-number', phone: '07911 399101' } });
    expect(await system.store.readStream(tenantId, 'dnc:+447911399101')).toHaveLength(1);

    const next = await nextLead(system, tenantId, 'ben', minutes(4));
    expect(next).toMatchObject({ kind: 'claimed', leadId });
  });

  it('100 agents at once, from two server processes, get 100 different leads, and the rest find the pool dry', async () => {
    const { tenantId, register } = tenant();
    const leads = new Set<string>();
    for (let i = 0; i < 110; i++) leads.add(await register());
    const agents = Array.from({ length: 120 }, (_, i) => `agent-${i}`);
    const root = path.resolve(import.meta.dirname, '..', '..');
    const run = promisify(execFile);
    const child = (group: string[]) =>
      run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'lib/testing/next-lead-child.ts', tenantId, NOW.toISOString(), ...group], { cwd: root, env: process.env, maxBuffer: 10_000_000 })
        .then(({ stdout }) => JSON.parse(stdout) as { agentId: string; kind: string; leadId?: string; collisions: number }[]);
    const results = (await Promise.all([child(agents.slice(0, 60)), child(agents.slice(60))])).flat();

    const claimed = results.filter((result) => result.kind === 'claimed').map((result) => result.leadId!);
    expect(claimed).toHaveLength(110);
    expect(new Set(claimed).size).toBe(110);
    expect(results.filter((result) => result.kind === 'none')).toHaveLength(10);
    for (const leadId of leads) expect((await claimedIn(tenantId, leadId)).length, leadId).toBe(1);
    console.log(`next lead: 120 agents over 2 processes, 110 leads: ${results.reduce((sum, result) => sum + result.collisions, 0)} collisions retried`);
  });
});
