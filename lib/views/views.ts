// Saved views of the lead list: a name, the list's search string (filters, sort, page size, hidden
// columns) and whether the manager who owns it shares it with the organisation. One stream per
// tenant holds every view, so that a name is unique per owner by the decider's own rule. Pure: the
// time, the ids and the acting user arrive on the command.
import { z } from 'zod';

export const VIEWS_STREAM_TYPE = 'saved-view';
export const VIEWS_STREAM_ID = 'saved-views';

export const VIEW_NAME_MAX = 60;

export const VIEW_EVENT_SCHEMAS = {
  ViewSaved: z.strictObject({ viewId: z.string(), ownerId: z.string(), name: z.string(), query: z.string() }),
  ViewRenamed: z.strictObject({ viewId: z.string(), name: z.string() }),
  ViewDeleted: z.strictObject({ viewId: z.string() }),
  ViewShared: z.strictObject({ viewId: z.string() }),
  ViewUnshared: z.strictObject({ viewId: z.string() }),
} as const;

type Schemas = typeof VIEW_EVENT_SCHEMAS;
export type ViewEvent = { [Type in keyof Schemas]: { type: Type; data: z.output<Schemas[Type]> } }[keyof Schemas];

export const isViewEvent = (event: { type: string }): event is ViewEvent => event.type in VIEW_EVENT_SCHEMAS;

export type SavedView = { readonly viewId: string; readonly ownerId: string; readonly name: string; readonly query: string; readonly shared: boolean };

/** Every view of the tenant, by id (a plain object, so that snapshots keep it). */
export type ViewsState = { readonly views: Readonly<Record<string, SavedView>> };

export const initialViewsState = (): ViewsState => ({ views: {} });

export function evolveViews(state: ViewsState, event: ViewEvent): ViewsState {
  const { [event.data.viewId]: view, ...others } = state.views;
  switch (event.type) {
    case 'ViewSaved':
      return { views: { ...others, [event.data.viewId]: { ...event.data, shared: false } } };
    case 'ViewDeleted':
      return { views: others };
    case 'ViewRenamed':
      return view ? { views: { ...state.views, [view.viewId]: { ...view, name: event.data.name } } } : state;
    case 'ViewShared':
    case 'ViewUnshared':
      return view ? { views: { ...state.views, [view.viewId]: { ...view, shared: event.type === 'ViewShared' } } } : state;
    default:
      return state;
  }
}

/** Names compare without case or surrounding spaces: "Hot leads" and "hot leads " are one name. */
export const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
