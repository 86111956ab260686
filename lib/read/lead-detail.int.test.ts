import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeNumber } from '@/lib/commands/do-not-call-service';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { catchUp } from '@/lib/read/engine/run-batch';
import { searchTermsProjection } from '@/lib/read/search-terms/projection';
import { statusHistoryProjection } from '@/lib/read/status-history/projection';
import { testDb } from '@/lib/testing/database';
import { leadThen, loadLeadDetail } from './lead-detail';
import { leadsHoldingContact } from './search-terms/contact-holders';
import { mergeLeads } from '@/lib/commands/merge-service';

const db = testDb();
const store = createSystem(db).store;

/** A fresh tenant with an agent, a manager and a BI analyst (who may not own leads). */
async function tenantWithPeople() {
  const tenantId = `tenant-${randomUUID()}`;
  const person = async (name: string, role: string) => {
    const id = randomUUID();
    await db.user.create({ data: { id, name, role, tenantId, email: `${id}@example.com` } });
    return id;
  };
  return { tenantId, ana: await person('Ana Lima', 'agent'), maria: await person('Maria Rossi', 'manager'), bianca: await person('Bianca Silva', 'bi') };
}

const run = (tenantId: string, actorId: string, now: string, input: Record<string, unknown>) =>
  executeLeadCommand(store, { tenantId, actorId, region: 'GB', now: new Date(now) }, input);

describe('the lead page query', () => {
  let people: Awaited<ReturnType<typeof tenantWithPeople>>;
  const leadId = randomUUID();
  const otherTenantLead = randomUUID();

  beforeAll(async () => {
    people = await tenantWithPeople();
    const { tenantId, ana, maria } = people;
    await run(tenantId, ana, '2026-01-01T09:00:00Z', {
      type: 'RegisterLead', commandId: 'register-1',
      data: { leadId, name: 'Stefan Ivanov', phones: ['07911 123456'], emails: ['Stefan@Example.com'], source: 'web', ownerId: ana },
    });
    await run(tenantId, maria, '2026-01-02T09:00:00Z', {
      type: 'ChangeContactInfo', leadId, commandId: 'replace-phone-1', data: { removePhones: ['07911 123456'], addPhones: ['020 7946 0018'] },
    });
    await run(tenantId, ana, '2026-01-03T09:00:00Z', { type: 'ChangeStatus', leadId, data: { status: 'FollowUp', followUpAt: '2026-01-05T10:00:00Z' } });
    await run(`tenant-${randomUUID()}`, 'sam', '2026-01-01T09:00:00Z', {
      type: 'RegisterLead', data: { leadId: otherTenantLead, name: 'Elsewhere', phones: ['020 7946 0018'], emails: ['stefan@example.com'], source: 'web' },
    });
    await catchUp(store, searchTermsProjection);
    await catchUp(store, statusHistoryProjection);
  });

  it('shows the lead as it is now, at the version edits must send', async () => {
    const detail = await loadLeadDetail(store, people.tenantId, leadId, { now: new Date('2026-01-04T09:00:00Z') });
    expect(detail?.lead).toMatchObject({
      leadId, name: 'Stefan Ivanov', phones: [{ e164: '+442079460018', raw: '020 7946 0018' }], emails: ['stefan@example.com'],
      status: 'FollowUp', followUpAt: '2026-01-05T10:00:00.000Z', ownerId: people.ana, source: 'web', version: 5,
    });
  });

  it('says which of the lead\u2019s phones are on the tenant\u2019s do-not-call list, why and since when', async () => {
    const { tenantId, maria } = people;
    expect((await loadLeadDetail(store, tenantId, leadId))?.blockedPhones).toEqual({});
    // Blocked in another tenant, and a number the lead no longer holds: neither is this lead's.
    await changeNumber(store, { tenantId: `tenant-${randomUUID()}`, id: 'sam' }, 'block', { phone: '020 7946 0018', reason: 'Elsewhere' });
    await changeNumber(store, { tenantId, id: maria }, 'block', { phone: '07911 123456', reason: 'Old number' });
    expect((await loadLeadDetail(store, tenantId, leadId))?.blockedPhones).toEqual({});
    await changeNumber(store, { tenantId, id: maria }, 'block', { phone: '+44 20 7946 0018', reason: 'Asked not to be called' }, { now: new Date('2026-01-04T10:00:00Z') });
    expect((await loadLeadDetail(store, tenantId, leadId))?.blockedPhones).toEqual({ '+442079460018': { reason: 'Asked not to be called', since: '2026-01-04T10:00:00.000Z' } });
  });

  it('lists every event with who wrote it and the command it came from, for the history', async () => {
    const detail = await loadLeadDetail(store, people.tenantId, leadId);
    expect(detail!.history.map((e) => [e.version, e.type, e.actor])).toEqual([
      [1, 'LeadRegistered', people.ana],
      [2, 'PhoneRemoved', people.maria],
      [3, 'PhoneAdded', people.maria],
      [4, 'StatusChanged', people.ana],
      [5, 'FollowUpScheduled', people.ana],
    ]);
    expect(detail!.history[1]).toMatchObject({ commandId: 'replace-phone-1', occurredAt: '2026-01-02T09:00:00.000Z' });
    expect(detail!.history[2]!.commandId).toBe('replace-phone-1');
  });

  it('names everyone of the tenant, and offers as owners only those who work leads', async () => {
    const detail = await loadLeadDetail(store, people.tenantId, leadId);
    expect(detail!.people.map((p) => p.name)).toEqual(['Ana Lima', 'Bianca Silva', 'Maria Rossi']);
    expect(detail!.owners.map((p) => p.name)).toEqual(['Ana Lima', 'Maria Rossi']);
  });

  it('includes the status periods', async () => {
    const detail = await loadLeadDetail(store, people.tenantId, leadId);
    expect(detail!.timeline.map((p) => [p.status, p.enteredBy, p.current])).toEqual([
      ['Available', people.ana, false],
      ['FollowUp', people.ana, true],
    ]);
  });

  it('knows no unknown lead and no lead of another tenant', async () => {
    expect(await loadLeadDetail(store, people.tenantId, randomUUID())).toBeNull();
    expect(await loadLeadDetail(store, people.tenantId, otherTenantLead)).toBeNull();
  });

  it('travels back to a moment and lists what changed since', async () => {
    const then = await leadThen(store, people.tenantId, leadId, new Date('2026-01-01T12:00:00Z'));
    expect(then.version).toBe(1);
    expect(then.state).toMatchObject({ kind: 'registered', phones: [{ e164: '+447911123456' }], status: 'Available' });
    expect(then.changesSince.map((change) => change.field)).toEqual(['phones', 'status', 'followUpAt']);
    const before = await leadThen(store, people.tenantId, leadId, new Date('2025-12-31T12:00:00Z'));
    expect(before).toMatchObject({ version: 0, state: { kind: 'initial' } });
  });
});

describe('leads already holding a phone or email', () => {
  it('finds the lead that holds it now, however it is typed, within the tenant only', async () => {
    const { tenantId, ana } = await tenantWithPeople();
    const holder = randomUUID();
    await run(tenantId, ana, '2026-01-01T09:00:00Z', {
      type: 'RegisterLead', data: { leadId: holder, name: 'Zoë Brontë', phones: ['07911 123456'], emails: ['zoe@bronte.example'], source: 'web' },
    });
    await run(tenantId, ana, '2026-01-02T09:00:00Z', { type: 'ChangeContactInfo', leadId: holder, data: { removePhones: ['07911 123456'], addPhones: ['07400 654321'] } });
    await catchUp(store, searchTermsProjection);
    const find = (kind: 'phone' | 'email', value: string, excludeLeadId?: string) =>
      leadsHoldingContact(db, tenantId, { kind, value, region: 'GB', excludeLeadId });

    expect(await find('phone', '+44 7400 654321')).toEqual([{ leadId: holder, name: 'Zoë Brontë' }]);
    expect(await find('email', ' ZOE@bronte.example ')).toEqual([{ leadId: holder, name: 'Zoë Brontë' }]);
    expect(await find('phone', '07911 123456'), 'a phone the lead no longer holds').toEqual([]);
    expect(await find('phone', '07400 654321', holder), 'the lead being edited itself').toEqual([]);
    expect(await find('phone', '7911'), 'not a whole number').toEqual([]);
    expect(await find('email', 'zoe@bronte'), 'no partial matches').toEqual([]);
    expect(await leadsHoldingContact(db, `tenant-${randomUUID()}`, { kind: 'email', value: 'zoe@bronte.example', region: 'GB' })).toEqual([]);
  });

  it('keeps the history of every lead merged into it, and of the leads merged into those in turn', async () => {
    const { tenantId, maria } = await tenantWithPeople();
    const [survivor, middle, first] = [randomUUID(), randomUUID(), randomUUID()];
    for (const [id, name, phone] of [[survivor, 'Jane Doe', '07700 900001'], [middle, 'Jane D.', '07700 900002'], [first, 'J. Doe', '07700 900003']] as const) {
      await run(tenantId, maria, '2026-01-01T09:00:00Z', { type: 'RegisterLead', data: { leadId: id, name, phones: [phone], emails: [], source: 'web' } });
    }
    const version = async (id: string) => (await store.readStream(tenantId, id)).length;
    const merge = async (survivorId: string, leadId: string, name: string, phone: string) => mergeLeads(store, { tenantId, actorId: maria }, {
      survivorId, leadId, survivorVersion: await version(survivorId), leadVersion: await version(leadId),
      choices: { name, phones: [phone], emails: [], ownerId: null, status: 'Available' },
    });
    await merge(middle, first, 'Jane D.', '+447700900002');
    await merge(survivor, middle, 'Jane Doe', '+447700900001');

    const detail = await loadLeadDetail(store, tenantId, survivor);
    expect(detail!.absorbed.map(({ leadId, name, into, history }) => [leadId, name, into, history.at(-1)!.type])).toEqual([
      [middle, 'Jane D.', null, 'LeadMergedInto'],
      [first, 'J. Doe', 'Jane D.', 'LeadMergedInto'],
    ]);
  });
});
