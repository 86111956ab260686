import { describe, expect, it } from 'vitest';
import { IllegalStateError, NotFoundError } from '@/lib/errors';
import { parseInput } from '@/lib/input/validation';
import { deciderSpec } from '@/lib/testing/decider-spec';
import { decideViews } from './decide';
import { renameViewInput, saveViewInput } from './input';
import { evolveViews, initialViewsState, type ViewEvent } from './views';

const spec = deciderSpec({ decide: decideViews, evolve: evolveViews, initialState: initialViewsState });
const HOT = '7b0e5c1a-1111-4a4a-9a9a-000000000001';
const MINE = '7b0e5c1a-1111-4a4a-9a9a-000000000002';
const hotSaved: ViewEvent = { type: 'ViewSaved', data: { viewId: HOT, ownerId: 'maria', name: 'Hot leads', query: 'status=New' } };
const shared: ViewEvent = { type: 'ViewShared', data: { viewId: HOT } };
const refusal = (Type: typeof IllegalStateError, code: string, field: string) => [Type, (error: IllegalStateError) => {
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
}] as const;

describe('when the owner has no view yet', () => {
  it('saves the list under a name, not shared', () => {
    spec.given([]).when({ type: 'SaveView', data: { viewId: HOT, name: 'Hot leads', query: 'status=New', by: 'maria' } }).then([hotSaved]);
    expect([hotSaved].reduce(evolveViews, initialViewsState()).views[HOT]).toEqual({ ...hotSaved.data, shared: false });
  });
});

describe('when the owner has a view called "Hot leads"', () => {
  it('refuses another of theirs by the same name, whatever its case', () => {
    spec.given([hotSaved]).when({ type: 'SaveView', data: { viewId: MINE, name: 'hot LEADS', query: '', by: 'maria' } }).thenThrows(...refusal(IllegalStateError, 'view.name-taken', 'name'));
  });

  it('lets someone else use the name', () => {
    spec.given([hotSaved]).when({ type: 'SaveView', data: { viewId: MINE, name: 'Hot leads', query: '', by: 'ana' } })
      .then([{ type: 'ViewSaved', data: { viewId: MINE, ownerId: 'ana', name: 'Hot leads', query: '' } }]);
  });

  it('refuses saving a view by an id already used', () => {
    spec.given([hotSaved]).when({ type: 'SaveView', data: { viewId: HOT, name: 'Other', query: '', by: 'maria' } }).thenThrows(...refusal(IllegalStateError, 'view.exists', 'viewId'));
  });

  it('renames it, and renaming to its own name changes nothing', () => {
    spec.given([hotSaved]).when({ type: 'RenameView', data: { viewId: HOT, name: 'Fresh leads', by: 'maria' } }).then([{ type: 'ViewRenamed', data: { viewId: HOT, name: 'Fresh leads' } }]);
    spec.given([hotSaved]).when({ type: 'RenameView', data: { viewId: HOT, name: 'Hot leads', by: 'maria' } }).then([]);
  });

  it('refuses renaming another of their views to it', () => {
    const other: ViewEvent = { type: 'ViewSaved', data: { viewId: MINE, ownerId: 'maria', name: 'Mine', query: '' } };
    spec.given([hotSaved, other]).when({ type: 'RenameView', data: { viewId: MINE, name: ' Hot Leads', by: 'maria' } }).thenThrows(...refusal(IllegalStateError, 'view.name-taken', 'name'));
  });

  it('shares it, then stops sharing it; each only once', () => {
    spec.given([hotSaved]).when({ type: 'ShareView', data: { viewId: HOT, by: 'maria' } }).then([shared]);
    spec.given([hotSaved, shared]).when({ type: 'ShareView', data: { viewId: HOT, by: 'maria' } }).thenThrows(...refusal(IllegalStateError, 'view.already-shared', 'viewId'));
    spec.given([hotSaved, shared]).when({ type: 'UnshareView', data: { viewId: HOT, by: 'maria' } }).then([{ type: 'ViewUnshared', data: { viewId: HOT } }]);
    spec.given([hotSaved]).when({ type: 'UnshareView', data: { viewId: HOT, by: 'maria' } }).thenThrows(...refusal(IllegalStateError, 'view.not-shared', 'viewId'));
  });

  it('deletes it, which frees the name', () => {
    spec.given([hotSaved, shared]).when({ type: 'DeleteView', data: { viewId: HOT, by: 'maria' } }).then([{ type: 'ViewDeleted', data: { viewId: HOT } }]);
    spec.given([hotSaved, { type: 'ViewDeleted', data: { viewId: HOT } }]).when({ type: 'SaveView', data: { viewId: MINE, name: 'Hot leads', query: '', by: 'maria' } })
      .then([{ type: 'ViewSaved', data: { viewId: MINE, ownerId: 'maria', name: 'Hot leads', query: '' } }]);
  });
});

describe('when someone else\'s view is shared with them', () => {
  it.each([
    { type: 'RenameView', data: { viewId: HOT, name: 'Mine now', by: 'ana' } },
    { type: 'DeleteView', data: { viewId: HOT, by: 'ana' } },
    { type: 'UnshareView', data: { viewId: HOT, by: 'ana' } },
  ] as const)('refuses $type: only the owner changes a view', (command) => {
    spec.given([hotSaved, shared]).when(command).thenThrows(...refusal(IllegalStateError, 'view.not-yours', 'viewId'));
  });
});

describe('when the view does not exist (or was deleted)', () => {
  it('refuses changing it', () => {
    spec.given([hotSaved, { type: 'ViewDeleted', data: { viewId: HOT } }]).when({ type: 'RenameView', data: { viewId: HOT, name: 'x', by: 'maria' } }).thenThrows(NotFoundError);
  });
});

describe('what a user sends', () => {
  it('needs a name, trimmed, of at most 60 characters', () => {
    expect(parseInput(saveViewInput, { viewId: HOT, name: '  Hot  ', query: 'sort=name' })).toEqual({ viewId: HOT, name: 'Hot', query: 'sort=name' });
    for (const [input, message] of [
      [{ viewId: HOT, name: '   ', query: '' }, 'name: Name is required'],
      [{ viewId: HOT, query: '' }, 'name: Name is required'],
      [{ viewId: HOT, name: 'x'.repeat(61), query: '' }, 'name: The name must be at most 60 characters'],
      [{ viewId: 'nope', name: 'Hot', query: '' }, 'viewId: View is required'],
    ] as const) {
      expect(() => parseInput(saveViewInput, input), message).toThrow(message);
    }
    expect(() => parseInput(renameViewInput, { viewId: HOT, name: '' })).toThrow('name: Name is required');
  });
});
