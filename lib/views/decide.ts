// What a user may do with saved views: save the list under a new name, rename, delete, and (a
// manager, as the gate decides) share with the organisation or stop sharing. Only the owner changes
// a view; everyone else, agents seeing a shared view included, only opens it.
import { IllegalStateError, NotFoundError } from '@/lib/errors';
import { sameName, type ViewEvent, type ViewsState } from './views';

export type ViewCommand =
  | { readonly type: 'SaveView'; readonly data: { readonly viewId: string; readonly name: string; readonly query: string; readonly by: string } }
  | { readonly type: 'RenameView'; readonly data: { readonly viewId: string; readonly name: string; readonly by: string } }
  | { readonly type: 'DeleteView'; readonly data: { readonly viewId: string; readonly by: string } }
  | { readonly type: 'ShareView'; readonly data: { readonly viewId: string; readonly by: string } }
  | { readonly type: 'UnshareView'; readonly data: { readonly viewId: string; readonly by: string } };

export function decideViews(command: ViewCommand, state: ViewsState): ViewEvent[] {
  switch (command.type) {
    case 'SaveView':
      return save(command.data, state);
    case 'RenameView':
      return rename(command.data, state);
    case 'DeleteView':
      ownView(state, command.data);
      return [{ type: 'ViewDeleted', data: { viewId: command.data.viewId } }];
    case 'ShareView':
    case 'UnshareView':
      return share(command.type === 'ShareView', command.data, state);
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

function save({ viewId, name, query, by }: { viewId: string; name: string; query: string; by: string }, state: ViewsState): ViewEvent[] {
  if (state.views[viewId]) throw new IllegalStateError('view.exists', { field: 'viewId' });
  nameFree(state, by, name);
  return [{ type: 'ViewSaved', data: { viewId, ownerId: by, name, query } }];
}

function rename({ viewId, name, by }: { viewId: string; name: string; by: string }, state: ViewsState): ViewEvent[] {
  const view = ownView(state, { viewId, by });
  if (view.name === name) return [];
  nameFree(state, by, name, viewId);
  return [{ type: 'ViewRenamed', data: { viewId, name } }];
}

function share(shared: boolean, data: { viewId: string; by: string }, state: ViewsState): ViewEvent[] {
  const view = ownView(state, data);
  if (view.shared === shared) throw new IllegalStateError(shared ? 'view.already-shared' : 'view.not-shared', { field: 'viewId' });
  return [{ type: shared ? 'ViewShared' : 'ViewUnshared', data: { viewId: data.viewId } }];
}

function ownView(state: ViewsState, { viewId, by }: { viewId: string; by: string }) {
  const view = state.views[viewId];
  if (!view) throw new NotFoundError('view.not-found');
  if (view.ownerId !== by) throw new IllegalStateError('view.not-yours', { field: 'viewId' });
  return view;
}

function nameFree(state: ViewsState, ownerId: string, name: string, except?: string) {
  const taken = Object.values(state.views).some((view) => view.ownerId === ownerId && view.viewId !== except && sameName(view.name, name));
  if (taken) throw new IllegalStateError('view.name-taken', { field: 'name', params: { name } });
}
