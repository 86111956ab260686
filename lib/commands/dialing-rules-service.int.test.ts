import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIALING_RULES as DEFAULTS } from '@/lib/dialing/rules';
import { DIALING_RULES_STREAM_ID } from '@/lib/dialing/rules-events';
import { ConflictError, IllegalStateError, ValidationError } from '@/lib/errors';
import { currentDialingRules } from '@/lib/read/dialing-rules/current-rules';
import { dialingRulesHistory } from '@/lib/read/dialing-rules/history';
import { exportColumns } from '@/lib/read/event-log/export/columns';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { changeDialingRules } from './dialing-rules-service';
import { executeLeadCommand } from './lead-commands';

const db = testDb();
const system = createSystem(db);
const NOW = new Date('2026-12-03T10:00:00Z');
const weekdays = { days: [1, 2, 3, 4, 5], from: '09:00', to: '20:00' };

async function callCenter() {
  const tenantId = freshId('tenant');
  await db.tenant.create({ data: { id: tenantId, name: 'Dialing Call Center' } });
  const person = async (name: string, role: string) => {
    const id = `${tenantId}-${name}`;
    await db.user.create({ data: { id, name, role, tenantId, email: `${id}@example.com` } });
    return id;
  };
  return { tenantId, maria: { id: await person('maria', 'manager'), tenantId }, paul: { id: await person('paul', 'manager'), tenantId }, ana: await person('ana', 'agent'), bianca: await person('bianca', 'bi') };
}

const streamVersion = async (tenantId: string) => (await system.store.streamVersion(tenantId, DIALING_RULES_STREAM_ID)) ?? 0;
const refusal = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('a manager changing the dialing rules', () => {
  it('is stored as the section\u2019s event, by them, and is what the rules are from then on', async () => {
    const { tenantId, maria } = await callCenter();
    expect(await changeDialingRules(system, maria, 'hours', { expectedVersion: 0, hours: weekdays }, { now: NOW })).toEqual({ section: 'hours', version: 1, merged: false });
    expect((await currentDialingRules(system.store, tenantId)).rules.hours).toEqual(weekdays);
    expect(await dialingRulesHistory(system.store, tenantId)).toEqual([
      { section: 'hours', value: weekdays, previous: DEFAULTS.hours, version: 1, actor: maria.id, at: NOW.toISOString() },
    ]);
  });

  it('merges onto another section changed since the version they saw', async () => {
    const { tenantId, maria, paul } = await callCenter();
    await changeDialingRules(system, paul, 'claimMinutes', { expectedVersion: 0, claimMinutes: 8 });
    expect(await changeDialingRules(system, maria, 'hours', { expectedVersion: 0, hours: weekdays })).toMatchObject({ version: 2, merged: true });
    expect((await currentDialingRules(system.store, tenantId)).rules).toMatchObject({ claimMinutes: 8, hours: weekdays });
  });

  it('collides with a change of the same section since the version they saw, showing it', async () => {
    const { tenantId, maria, paul } = await callCenter();
    await changeDialingRules(system, paul, 'hours', { expectedVersion: 0, hours: { ...weekdays, to: '19:00' } }, { now: NOW });
    const error = await refusal(changeDialingRules(system, maria, 'hours', { expectedVersion: 0, hours: weekdays }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).changes).toEqual([expect.objectContaining({ type: 'CallingHoursSet', actor: paul.id, occurredAt: NOW.toISOString() })]);
    expect((await currentDialingRules(system.store, tenantId)).rules.hours.to).toBe('19:00');
  });

  it('names a bad field, and stores nothing', async () => {
    const { tenantId, maria } = await callCenter();
    const cases: [string, unknown, string, string][] = [
      ['hours', { hours: { ...weekdays, from: '21:00', to: '08:00' } }, 'hours.to', 'Calls must start before they end'],
      ['hours', { hours: { ...weekdays, from: '25:00' } }, 'hours.from', 'A time is HH:MM, from 00:00 to 23:59'],
      ['attempts', { attempts: { perLeadPerDay: 3, perLeadTotal: 0, perPhonePer24h: 3 } }, 'attempts.perLeadTotal', 'Must be 1 or more'],
      ['claimMinutes', { claimMinutes: 'ten' }, 'claimMinutes', 'Enter a whole number'],
      ['sourcePriorities', { sourcePriorities: [{ source: 'web', priority: 1 }, { source: 'web', priority: 2 }] }, 'sourcePriorities.1.source', 'web is listed twice'],
      ['hours', { hours: weekdays, extra: 1 }, 'extra', 'Unknown field "extra"'],
    ];
    for (const [section, input, field, message] of cases) {
      const error = await refusal(changeDialingRules(system, maria, section as 'hours', input));
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues, field).toContainEqual({ field, message });
    }
    for (const [section, input, field] of [['timeZone', { timeZone: 'Mars/Base' }, 'timeZone'], ['overrides', { overrides: [{ region: 'US-XX', hours: weekdays }] }, 'overrides.0.region']] as const) {
      const error = await refusal(changeDialingRules(system, maria, section, input));
      expect(error).toBeInstanceOf(IllegalStateError);
      expect((error as IllegalStateError).field).toBe(field);
    }
    expect(await streamVersion(tenantId)).toBe(0);
  });

  it('may relabel a disposition leads\u2019 call histories hold, but not remove it', async () => {
    const { tenantId, maria, ana } = await callCenter();
    const leadId = randomUUID();
    const run = (input: Record<string, unknown>) => executeLeadCommand(system.store, { tenantId, actorId: ana, region: 'GB', now: NOW, dialing: system.dialing }, input);
    await run({ type: 'RegisterLead', data: { leadId, name: 'Called Often', phones: ['+44 20 7946 0018'] } });
    await run({ type: 'RecordCallOutcome', leadId, data: { outcome: 'busy' } });

    const withoutBusy = DEFAULTS.dispositions.filter((entry) => entry.code !== 'busy');
    const error = await refusal(changeDialingRules(system, maria, 'dispositions', { dispositions: withoutBusy }));
    expect(error).toMatchObject({ code: 'dialing.code-in-use', details: { field: 'dispositions', params: { code: 'busy', label: 'Busy' } } });

    const relabelled = DEFAULTS.dispositions.map((entry) => (entry.code === 'busy' ? { ...entry, label: 'Line engaged' } : entry));
    await changeDialingRules(system, maria, 'dispositions', { dispositions: relabelled });
    // Voicemail was never recorded for this tenant: it may go.
    await changeDialingRules(system, maria, 'dispositions', { dispositions: relabelled.filter((entry) => entry.code !== 'voicemail') });
    expect((await currentDialingRules(system.store, tenantId)).rules.dispositions.map((entry) => entry.label)).not.toContain('Voicemail');
  });

  it('hands a source only to the tenant\u2019s own people who work leads', async () => {
    const { tenantId, maria, ana, bianca } = await callCenter();
    const other = await callCenter();
    const rule = (userId: string) => ({ assignment: [{ source: 'web', mode: 'round-robin', agents: [{ userId, weight: 1 }] }] });
    const error = await refusal(changeDialingRules(system, maria, 'assignment', rule(other.ana)));
    expect(error).toMatchObject({ code: 'dialing.agent-not-assignable', details: { field: 'assignment.0.agents.0.userId' } });
    expect(await refusal(changeDialingRules(system, maria, 'assignment', rule(bianca)))).toMatchObject({ code: 'dialing.agent-not-assignable' });
    await changeDialingRules(system, maria, 'assignment', rule(ana));
    expect((await currentDialingRules(system.store, tenantId)).rules.assignment[0]!.agents).toEqual([{ userId: ana, weight: 1 }]);
  });

  it('is in the export, with a column for each section', () => {
    const columns = exportColumns(system.registry);
    expect(columns.eventTypes).toEqual(expect.arrayContaining(['CallingHoursSet', 'DispositionsSet', 'AssignmentRulesSet']));
    expect(columns.csvHeader).toEqual(expect.arrayContaining(['data.hours', 'data.dispositions', 'data.previous']));
  });
});
