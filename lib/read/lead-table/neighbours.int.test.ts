import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { loadLeadList } from './leads-list';
import { parseOrigin } from './list-origin';
import { leadNeighbours } from './neighbours';

const db = testDb();
const store = createSystem(db).store;
const NOW = new Date('2026-03-10T12:00:00Z');
const tenantId = `tenant-${randomUUID()}`;
const ana = `ana-${randomUUID()}`;
const ben = `ben-${randomUUID()}`;
const viewer = { id: ana, tenantId };

async function registerLead(name: string, at: string, ownerId: string, followUpAt?: string, tenant = tenantId) {
  const leadId = randomUUID();
  const context = { tenantId: tenant, actorId: ownerId, region: 'GB' as const, now: new Date(at) };
  await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name, emails: [`${leadId}@example.com`], ownerId } });
  if (followUpAt) await executeLeadCommand(store, context, { type: 'ChangeStatus', leadId, data: { status: 'FollowUp', followUpAt } });
  return leadId;
}

const ids: Record<string, string> = {};
const origin = (from: string) => parseOrigin(from, [ana, ben])!;

beforeAll(async () => {
  await db.user.createMany({ data: [ana, ben].map((id) => ({ id, name: id, email: `${id}@example.com`, tenantId, role: 'agent' })) });
  ids.carmen = await registerLead('Carmen', '2026-03-01T09:00:00Z', ana);
  ids.abel = await registerLead('Abel', '2026-03-02T09:00:00Z', ben, '2026-03-09T09:00:00Z');
  ids.bea = await registerLead('Bea', '2026-03-03T09:00:00Z', ana, '2026-03-10T18:00:00Z');
  ids.dario = await registerLead('Dario', '2026-03-04T09:00:00Z', ana, '2026-03-12T09:00:00Z');
  ids.elena = await registerLead('Elena', '2026-03-05T09:00:00Z', ana, '2026-03-30T09:00:00Z');
  ids.stranger = await registerLead('Aaron Elsewhere', '2026-03-06T09:00:00Z', ana, '2026-03-10T13:00:00Z', `tenant-${randomUUID()}`);
});

describe('a lead opened from the list', () => {
  it('steps through the list in its order, across pages, with its place in it', async () => {
    const byName = origin('list:sort=name&size=25');
    expect(await leadNeighbours(db, viewer, byName, ids.abel!, NOW)).toEqual({ position: 1, total: 5, capped: false, previousId: null, nextId: ids.bea });
    expect(await leadNeighbours(db, viewer, byName, ids.carmen!, NOW)).toEqual({ position: 3, total: 5, capped: false, previousId: ids.bea, nextId: ids.dario });
    expect(await leadNeighbours(db, viewer, byName, ids.elena!, NOW)).toMatchObject({ position: 5, previousId: ids.dario, nextId: null });
  });

  it('follows the list page\'s own order, sort and direction included', async () => {
    for (const from of ['list:', 'list:sort=owner&dir=desc', 'list:sort=followUp', 'list:sort=status&dir=desc']) {
      const list = await loadLeadList(db, viewer, Object.fromEntries(new URLSearchParams(from.slice(5))), NOW);
      const order = list.rows.map((row) => row.leadId);
      const walked = await Promise.all(order.map((id) => leadNeighbours(db, viewer, origin(from), id, NOW)));
      expect(walked.map((step) => step?.nextId ?? null), from).toEqual([...order.slice(1), null]);
      expect(walked.map((step) => step?.position), from).toEqual(order.map((_, index) => index + 1));
    }
  });

  it('keeps to the list\'s filters: a lead outside them has no place in it', async () => {
    const mine = origin('list:owner=me&sort=name');
    expect(await leadNeighbours(db, viewer, mine, ids.bea!, NOW)).toEqual({ position: 1, total: 4, capped: false, previousId: null, nextId: ids.carmen });
    expect(await leadNeighbours(db, viewer, mine, ids.abel!, NOW)).toBeNull();
  });

  it('never counts or names a lead of another tenant', async () => {
    expect(await leadNeighbours(db, viewer, origin('list:sort=name'), ids.stranger!, NOW)).toBeNull();
    expect((await leadNeighbours(db, viewer, origin('list:sort=name'), ids.abel!, NOW))?.total).toBe(5);
  });
});

describe('a lead opened from the callback queue', () => {
  it('steps through my callbacks, overdue first, soonest first, up to the end of the coming week', async () => {
    const queue = origin('queue:mine');
    expect(await leadNeighbours(db, viewer, queue, ids.bea!, NOW)).toEqual({ position: 1, total: 2, capped: false, previousId: null, nextId: ids.dario });
    expect(await leadNeighbours(db, viewer, queue, ids.dario!, NOW)).toMatchObject({ position: 2, previousId: ids.bea, nextId: null });
    expect(await leadNeighbours(db, viewer, queue, ids.elena!, NOW)).toBeNull();
  });

  it('steps through the team\'s callbacks in the team queue', async () => {
    const team = origin('queue:team');
    expect(await leadNeighbours(db, viewer, team, ids.bea!, NOW)).toEqual({ position: 2, total: 3, capped: false, previousId: ids.abel, nextId: ids.dario });
  });
});

describe('the from parameter', () => {
  it('is no origin when it is neither a list nor a queue', () => {
    expect(parseOrigin('elsewhere', [])).toBeNull();
    expect(parseOrigin(undefined, [])).toBeNull();
    expect(parseOrigin('queue:everyone', [])).toBeNull();
  });
});
