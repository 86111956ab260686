import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { loadLeadList } from './leads-list';

const db = testDb();
const store = createSystem(db).store;
const NOW = new Date('2026-03-10T12:00:00Z');

type LeadSpec = {
  name: string; at: string; ownerId?: string | null; status?: 'FollowUp' | 'Closed' | 'Converted'; followUpAt?: string;
};

async function registerLead(tenantId: string, spec: LeadSpec) {
  const leadId = randomUUID();
  const context = { tenantId, actorId: 'tester', region: 'GB' as const, now: new Date(spec.at) };
  await executeLeadCommand(store, context, {
    type: 'RegisterLead',
    data: { leadId, name: spec.name, phones: ['07911 123456'], emails: [`${leadId}@example.com`], source: 'web', ownerId: spec.ownerId ?? null },
  });
  if (spec.status) {
    const later = { ...context, now: new Date(new Date(spec.at).getTime() + 60_000) };
    await executeLeadCommand(store, later, { type: 'ChangeStatus', leadId, data: { status: spec.status, followUpAt: spec.followUpAt ?? null } });
  }
  return leadId;
}

describe('the lead list', () => {
  const tenantId = `tenant-${randomUUID()}`;
  const aline = { id: `aline-${randomUUID()}`, name: 'Aline Agent' };
  const bruno = { id: `bruno-${randomUUID()}`, name: 'Bruno Agent' };
  const viewer = { id: bruno.id, tenantId };
  const list = (search = '') => loadLeadList(db, viewer, Object.fromEntries(new URLSearchParams(search)), NOW);
  const names = async (search = '') => (await list(search)).rows.map((row) => row.name);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await db.user.createMany({
      data: [aline, bruno].map((user) => ({ ...user, email: `${user.id}@example.com`, tenantId, role: 'agent' })),
    });
    // Updated on 1 to 6 March, in this order; "Abel Moreno" twice, to show ties.
    ids.carmen = await registerLead(tenantId, { name: 'Carmen Diaz', at: '2026-03-01T09:00:00Z', ownerId: aline.id });
    ids.abel = await registerLead(tenantId, { name: 'Abel Moreno', at: '2026-03-02T09:00:00Z', ownerId: bruno.id, status: 'FollowUp', followUpAt: '2026-03-09T09:00:00Z' });
    ids.bea = await registerLead(tenantId, { name: 'Bea Lopez', at: '2026-03-03T09:00:00Z', ownerId: aline.id, status: 'FollowUp', followUpAt: '2026-03-10T18:00:00Z' });
    ids.dario = await registerLead(tenantId, { name: 'Dario Ruiz', at: '2026-03-04T09:00:00Z', status: 'FollowUp', followUpAt: '2026-03-14T09:00:00Z' });
    ids.elena = await registerLead(tenantId, { name: 'Elena Gil', at: '2026-03-05T09:00:00Z', ownerId: bruno.id, status: 'Closed' });
    ids.abel2 = await registerLead(tenantId, { name: 'Abel Moreno', at: '2026-03-06T09:00:00Z', status: 'Converted' });
    await registerLead(`tenant-${randomUUID()}`, { name: 'Aaron Elsewhere', at: '2026-03-07T09:00:00Z', ownerId: aline.id });
  });

  it('shows only the viewer\'s tenant, most recently updated first, with the lead\'s current details', async () => {
    const page = await list();
    expect(page.rows.map((row) => row.name)).toEqual(['Abel Moreno', 'Elena Gil', 'Dario Ruiz', 'Bea Lopez', 'Abel Moreno', 'Carmen Diaz']);
    expect(page).toMatchObject({ total: 6, capped: false, pageCount: 1, owners: [aline, bruno] });
    expect(page.rows.find((row) => row.leadId === ids.bea)).toEqual({
      leadId: ids.bea, name: 'Bea Lopez', phones: [{ e164: '+447911123456', raw: '07911 123456' }], emails: [`${ids.bea}@example.com`], status: 'FollowUp',
      ownerId: aline.id, ownerName: 'Aline Agent', followUpAt: '2026-03-10T18:00:00.000Z', updatedAt: '2026-03-03T09:01:00.000Z', version: 3,
    });
  });

  describe('sorting', () => {
    const abels = () => [ids.abel, ids.abel2].sort();

    it('by name, equal names by lead id, and descending exactly reversed', async () => {
      const ascending = (await list('sort=name')).rows.map((row) => row.leadId);
      expect(ascending).toEqual([...abels(), ids.bea, ids.carmen, ids.dario, ids.elena]);
      expect((await list('sort=name&dir=desc')).rows.map((row) => row.leadId)).toEqual([...ascending].reverse());
    });

    it('by status, the latest change first within a status; descending exactly reversed', async () => {
      const ascending = (await list('sort=status')).rows;
      expect(ascending.map((row) => row.name)).toEqual(['Carmen Diaz', 'Elena Gil', 'Abel Moreno', 'Dario Ruiz', 'Bea Lopez', 'Abel Moreno']);
      expect((await list('sort=status&dir=desc')).rows).toEqual([...ascending].reverse());
    });

    it('by owner name, unassigned leads last either way', async () => {
      const owners = async (search: string) => (await list(search)).rows.map((row) => row.ownerName);
      expect(await owners('sort=owner')).toEqual(['Aline Agent', 'Aline Agent', 'Bruno Agent', 'Bruno Agent', null, null]);
      expect(await owners('sort=owner&dir=desc')).toEqual(['Bruno Agent', 'Bruno Agent', 'Aline Agent', 'Aline Agent', null, null]);
    });

    it('by follow-up, leads without one last either way', async () => {
      expect((await names('sort=followUp')).slice(0, 3)).toEqual(['Abel Moreno', 'Bea Lopez', 'Dario Ruiz']);
      expect((await names('sort=followUp&dir=desc')).slice(0, 3)).toEqual(['Dario Ruiz', 'Bea Lopez', 'Abel Moreno']);
    });

    it('by updated, oldest first when ascending', async () => {
      expect(await names('sort=updated&dir=asc')).toEqual(['Carmen Diaz', 'Abel Moreno', 'Bea Lopez', 'Dario Ruiz', 'Elena Gil', 'Abel Moreno']);
    });
  });

  describe('filters', () => {
    it('by one or more statuses', async () => {
      expect(await names('status=Closed,Converted')).toEqual(['Abel Moreno', 'Elena Gil']);
    });

    it('by owner: me, another agent, unassigned', async () => {
      expect(await names('owner=me')).toEqual(['Elena Gil', 'Abel Moreno']);
      expect(await names(`owner=${aline.id}`)).toEqual(['Bea Lopez', 'Carmen Diaz']);
      expect(await names('owner=unassigned')).toEqual(['Abel Moreno', 'Dario Ruiz']);
    });

    it('an owner from outside the tenant is ignored rather than trusted', async () => {
      expect((await list('owner=somebody-else')).params.owner).toBeNull();
      expect((await list('owner=somebody-else')).total).toBe(6);
    });

    it('by follow-up due: overdue, today, next 7 days, none', async () => {
      expect(await names('due=overdue')).toEqual(['Abel Moreno']);
      expect(await names('due=today')).toEqual(['Bea Lopez']);
      expect(await names('due=week')).toEqual(['Dario Ruiz', 'Bea Lopez']);
      expect(await names('due=none')).toEqual(['Abel Moreno', 'Elena Gil', 'Carmen Diaz']);
    });

    it('by updated days, both ends included', async () => {
      expect(await names('updatedFrom=2026-03-02&updatedTo=2026-03-04')).toEqual(['Dario Ruiz', 'Bea Lopez', 'Abel Moreno']);
      expect(await names('updatedFrom=2026-03-06')).toEqual(['Abel Moreno']);
    });

    it('filters combine, and the total counts what they match', async () => {
      const page = await list('status=FollowUp&owner=unassigned&due=week');
      expect(page.rows.map((row) => row.leadId)).toEqual([ids.dario]);
      expect(page.total).toBe(1);
    });
  });

  describe('paging', () => {
    const tenantId = `tenant-${randomUUID()}`;
    beforeAll(async () => {
      for (let i = 0; i < 30; i++) {
        await registerLead(tenantId, { name: `Lead ${String(i).padStart(2, '0')}`, at: new Date(Date.UTC(2026, 0, 1, i)).toISOString() });
      }
    });
    const pageOf = (search: string) => loadLeadList(db, { id: 'nobody', tenantId }, Object.fromEntries(new URLSearchParams(search)), NOW);

    it('25 a page; the second page holds the rest', async () => {
      const first = await pageOf('sort=name');
      const second = await pageOf('sort=name&page=2');
      expect(first).toMatchObject({ total: 30, pageCount: 2 });
      expect(first.rows).toHaveLength(25);
      expect(second.rows.map((row) => row.name)).toEqual(['Lead 25', 'Lead 26', 'Lead 27', 'Lead 28', 'Lead 29']);
    });

    it('a page past the end shows the last page', async () => {
      const page = await pageOf('sort=name&page=7');
      expect(page.params.page).toBe(2);
      expect(page.rows[0]!.name).toBe('Lead 25');
    });
  });
});
