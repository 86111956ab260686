import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { callbackQueue } from './callback-queue';

const db = testDb();
const store = createSystem(db).store;
const now = new Date('2026-03-10T12:00:00Z');
const tenantId = `tenant-${randomUUID()}`;
const otherTenantId = `tenant-${randomUUID()}`;

/** A lead owned by `ownerId`, with a callback at `dueAt` set when it was still in the future. */
async function leadWithCallback(name: string, ownerId: string, dueAt: string | null, tenant = tenantId) {
  const leadId = randomUUID();
  const context = { tenantId: tenant, actorId: ownerId, region: 'GB' as const, now: new Date('2026-03-01T09:00:00Z') };
  await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name, emails: [`${leadId}@example.com`], ownerId } });
  if (dueAt) await executeLeadCommand(store, context, { type: 'ChangeStatus', leadId, data: { status: 'FollowUp', followUpAt: dueAt } });
  return leadId;
}

const names = (section: { callbacks: readonly { name: string }[] }) => section.callbacks.map((callback) => callback.name);

beforeAll(async () => {
  await leadWithCallback('Later today', 'ana', '2026-03-10T18:00:00Z');
  await leadWithCallback('Overdue this morning', 'ana', '2026-03-10T09:00:00Z');
  await leadWithCallback('Overdue last week', 'ana', '2026-03-03T09:00:00Z');
  await leadWithCallback('Ben soon', 'ben', '2026-03-10T13:00:00Z');
  await leadWithCallback('In two days', 'ana', '2026-03-12T10:00:00Z');
  await leadWithCallback('Last upcoming day', 'ana', '2026-03-17T23:00:00Z');
  await leadWithCallback('Beyond a week', 'ana', '2026-03-18T00:30:00Z');
  await leadWithCallback('No callback', 'ana', null);
  await leadWithCallback('Other tenant, due today', 'ana', '2026-03-10T15:00:00Z', otherTenantId);
});

describe('my callback queue', () => {
  it('puts my callbacks in overdue, due today (until midnight UTC) and the next seven days, soonest first', async () => {
    const queue = await callbackQueue(db, { tenantId, userId: 'ana', scope: 'mine', now });
    expect(names(queue.overdue)).toEqual(['Overdue last week', 'Overdue this morning']);
    expect(names(queue.dueToday)).toEqual(['Later today']);
    expect(names(queue.upcoming)).toEqual(['In two days', 'Last upcoming day']);
    expect([queue.overdue.total, queue.dueToday.total, queue.upcoming.total]).toEqual([2, 1, 2]);
  });

  it('gives each callback its lead, due time, status and owner', async () => {
    const queue = await callbackQueue(db, { tenantId, userId: 'ana', scope: 'mine', now });
    expect(queue.dueToday.callbacks[0]).toEqual({ leadId: expect.any(String), name: 'Later today', status: 'FollowUp', dueAt: '2026-03-10T18:00:00.000Z', ownerId: 'ana' });
  });
});

describe('the team queue', () => {
  it('holds every agent\'s callbacks of the tenant, and never another tenant\'s', async () => {
    const queue = await callbackQueue(db, { tenantId, userId: 'ana', scope: 'team', now });
    expect(names(queue.dueToday)).toEqual(['Ben soon', 'Later today']);
    const other = await callbackQueue(db, { tenantId: otherTenantId, userId: 'ana', scope: 'team', now });
    expect(names(other.dueToday)).toEqual(['Other tenant, due today']);
    expect(other.overdue.total + other.upcoming.total).toBe(0);
  });
});
