// New leads with their whole histories, appended in bulk (imports, the demo data): each command
// decided as if carried out alone, all the leads in one statement.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIALING_RULES } from '@/lib/dialing/rules';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { executeLeadCommand, executeNewLeads, type CommandContext } from './lead-commands';

const system = createSystem(testDb());
const { store, dialing } = system;

function tenant() {
  const tenantId = `tenant-${randomUUID()}`;
  const ana: CommandContext = { tenantId, actorId: 'ana', region: 'GB', dialing };
  return { tenantId, ana };
}

describe('new leads appended in bulk', () => {
  it('get the events and lead rows that the same commands carried out one by one give', async () => {
    const { tenantId, ana } = tenant();
    const at = (hour: number): CommandContext => ({ ...ana, now: new Date(`2026-03-02T${String(hour).padStart(2, "0")}:00:00Z`) });
    const history = (leadId: string) => [
      { context: at(9), input: { type: 'RegisterLead', data: { leadId, name: 'Ada Lovelace', phones: ['020 7946 0018'], emails: [], source: 'web' } } },
      { context: at(10), input: { type: 'RecordCallOutcome', leadId, data: { outcome: 'no-answer' } } },
      { context: at(11), input: { type: 'ChangeStatus', leadId, data: { status: 'FollowUp', followUpAt: '2026-03-09T10:00:00Z' } } },
    ];
    const [one, bulk] = [randomUUID(), randomUUID()];
    for (const { context, input } of history(one)) await executeLeadCommand(store, context, input);
    await executeNewLeads(store, [history(bulk)]);

    const shape = async (leadId: string) => (await store.readStream(tenantId, leadId))
      .map((e) => ({ type: e.type, version: e.version, data: { ...(e.data as object), leadId: 'the lead' }, at: e.occurredAt }));
    const oneByOne = await shape(one);
    expect(oneByOne.map((e) => e.type)).toEqual(expect.arrayContaining(['LeadRegistered', 'CallOutcomeRecorded', 'StatusChanged']));
    expect(await shape(bulk)).toEqual(oneByOne);
    const row = async (leadId: string) => (await system.db.$queryRaw<{ status: string; call_count: number; version: number; retry_at: Date | null }[]>`
      SELECT status, call_count, version, retry_at FROM leads WHERE tenant_id = ${tenantId} AND lead_id = ${leadId}`)[0];
    expect(await row(one)).toMatchObject({ status: 'FollowUp', call_count: 1, version: oneByOne.length });
    expect(await row(bulk)).toEqual(await row(one));
  });

  it('refuses a command whose events reach another stream, and stores nothing', async () => {
    const { tenantId, ana } = tenant();
    const notThisNumber = { code: 'not-this-number', label: 'Not on this number', effect: { contact: true, retry: null, status: null, callback: null, doNotCall: 'number' as const, wrongNumber: false } };
    const rules = { ...DEFAULT_DIALING_RULES, dispositions: [...DEFAULT_DIALING_RULES.dispositions, notThisNumber] };
    const context: CommandContext = { ...ana, dialing: { ...dialing, rules: async () => rules } };
    const leadId = randomUUID();
    const refused = executeNewLeads(store, [[
      { context, input: { type: 'RegisterLead', data: { leadId, name: 'Ada Lovelace', phones: ['020 7946 0018'], emails: [], source: 'web' } } },
      { context, input: { type: 'RecordCallOutcome', leadId, data: { outcome: 'not-this-number' } } },
    ]]);
    await expect(refused).rejects.toThrow(/other streams/);
    expect(await store.streamVersion(tenantId, leadId)).toBeNull();
  });
});
