import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeView } from '@/lib/commands/views-service';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { savedViewsProjection } from './projection';
import { savedViews } from './queries';

const db = testDb();
const store = createSystem(db).store;

async function callCenter() {
  const tenantId = freshId('tenant');
  const person = async (role: string) => {
    const id = freshId(role);
    await db.user.create({ data: { id, name: `${role} ${id.slice(-4)}`, role, tenantId, email: `${id}@example.com` } });
    return { id, tenantId };
  };
  return { tenantId, manager: await person('manager'), ana: await person('agent'), ben: await person('agent') };
}

const save = (caller: { id: string; tenantId: string }, name: string, query = '') =>
  changeView(store, caller, 'save', { viewId: randomUUID(), name, query }).then((saved) => saved.viewId);
const names = (views: readonly { name: string }[]) => views.map((view) => view.name);

describe('saved views', () => {
  let center: Awaited<ReturnType<typeof callCenter>>;
  let other: Awaited<ReturnType<typeof callCenter>>;
  beforeAll(async () => {
    [center, other] = [await callCenter(), await callCenter()];
  });

  it('are each user\'s own, in name order, and keep the list as the list reads it', async () => {
    await save(center.ana, 'Overdue callbacks', 'due=overdue&sort=followUp&page=4&status=FollowUp,bogus&owner=someone-else');
    await save(center.ana, 'A to Z', 'sort=name');
    await save(center.ben, 'Ben\'s', '');
    const anas = await savedViews(db, center.ana);
    expect(anas.own).toEqual([
      expect.objectContaining({ name: 'A to Z', query: 'sort=name', shared: false }),
      expect.objectContaining({ name: 'Overdue callbacks', query: 'sort=followUp&status=FollowUp&due=overdue', shared: false }),
    ]);
    expect(anas.shared).toEqual([]);
  });

  it('refuse a name the owner already uses, naming the field, and store nothing', async () => {
    const before = await store.streamVersion(center.tenantId, 'saved-views');
    await expect(save(center.ana, '  a to z ')).rejects.toMatchObject({ constructor: IllegalStateError, code: 'view.name-taken', field: 'name' });
    await expect(save(center.ana, '')).rejects.toSatisfy((error) => error instanceof ValidationError && error.issues[0]?.field === 'name');
    await expect(save(center.ana, 'x'.repeat(61))).rejects.toThrow('name: The name must be at most 60 characters');
    expect(await store.streamVersion(center.tenantId, 'saved-views')).toBe(before);
    expect(names((await savedViews(db, center.ana)).own)).toEqual(['A to Z', 'Overdue callbacks']);
  });

  it('shared by a manager are seen by every agent of the organisation, who cannot change them', async () => {
    const hot = await save(center.manager, 'Hot leads', 'status=FollowUp');
    await changeView(store, center.manager, 'share', { viewId: hot });
    const bens = await savedViews(db, center.ben);
    expect(bens.shared).toEqual([expect.objectContaining({ viewId: hot, name: 'Hot leads', query: 'status=FollowUp', shared: true, ownerName: expect.stringMatching(/^manager /) })]);
    for (const change of ['rename', 'delete', 'unshare'] as const) {
      await expect(changeView(store, center.ben, change, change === 'rename' ? { viewId: hot, name: 'Mine now' } : { viewId: hot })).rejects.toMatchObject({ code: 'view.not-yours', field: 'viewId' });
    }
    expect(names((await savedViews(db, center.ana)).shared)).toEqual(['Hot leads']);

    await changeView(store, center.manager, 'unshare', { viewId: hot });
    expect((await savedViews(db, center.ben)).shared).toEqual([]);
    expect(names((await savedViews(db, center.manager)).own)).toEqual(['Hot leads']);
  });

  it('are renamed and deleted by their owner; a deleted view\'s name is free again', async () => {
    const view = await save(center.ben, 'Mornings', 'sort=name');
    await changeView(store, center.ben, 'rename', { viewId: view, name: 'Early calls' });
    expect(names((await savedViews(db, center.ben)).own)).toEqual(['Ben\'s', 'Early calls']);
    await changeView(store, center.ben, 'delete', { viewId: view });
    expect(names((await savedViews(db, center.ben)).own)).toEqual(['Ben\'s']);
    await save(center.ben, 'Early calls');
    expect(names((await savedViews(db, center.ben)).own)).toEqual(['Ben\'s', 'Early calls']);
  });

  it('of another organisation are never seen, shared or not, and cannot be changed from here', async () => {
    const theirs = await save(other.manager, 'Their hot leads', 'status=FollowUp');
    await changeView(store, other.manager, 'share', { viewId: theirs });
    for (const viewer of [center.ana, center.ben, center.manager]) {
      const seen = await savedViews(db, viewer);
      expect([...seen.own, ...seen.shared].map((view) => view.viewId)).not.toContain(theirs);
    }
    await expect(changeView(store, { ...center.manager, id: other.manager.id }, 'delete', { viewId: theirs })).rejects.toMatchObject({ code: 'view.not-found' });
    expect(names((await savedViews(db, other.ana)).shared)).toEqual(['Their hot leads']);
  });

  it('are rebuilt from the log as they were', async () => {
    const before = await savedViews(db, center.ana);
    await db.savedViewRow.deleteMany({ where: { tenantId: center.tenantId } });
    expect((await savedViews(db, center.ana)).own).toEqual([]);
    await savedViewsProjection.rebuild(store, {});
    expect(await savedViews(db, center.ana)).toEqual(before);
  });
});
