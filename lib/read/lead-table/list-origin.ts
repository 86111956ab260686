// Where a lead was opened from, carried on the lead's link as `?from=…`, so the lead page can step to
// the next and previous lead of that same list in its order without the browser holding the list:
// `list:<the list's search string>` or `queue:mine` / `queue:team`. Pure, shared by pages and links.
import type { QueueScope } from './callback-queue';
import { parseLeadListParams, toSearchString, type LeadListParams } from './list-params';

export type ListOrigin =
  | { readonly kind: 'list'; readonly params: LeadListParams }
  | { readonly kind: 'queue'; readonly scope: QueueScope };

/** The `from` value for an origin; the list's page is left out, as the order runs across pages. */
export function originValue(origin: ListOrigin): string {
  if (origin.kind === 'queue') return `queue:${origin.scope}`;
  return `list:${toSearchString({ ...origin.params, page: 1 }).replace(/^\?/, '')}`;
}

/** A lead's address with its origin, optionally on another tab. */
export const leadHref = (leadId: string, origin: ListOrigin | null) =>
  `/leads/${leadId}${origin ? `?${new URLSearchParams({ from: originValue(origin) })}` : ''}`;

/** Reads a `from` value; anything else is no origin at all. Owners are checked as the list checks them. */
export function parseOrigin(value: string | undefined, ownerIds: readonly string[]): ListOrigin | null {
  if (value === 'queue:mine' || value === 'queue:team') return { kind: 'queue', scope: value.slice(6) as QueueScope };
  if (!value?.startsWith('list:')) return null;
  const params = parseLeadListParams(Object.fromEntries(new URLSearchParams(value.slice(5))), ownerIds);
  return { kind: 'list', params: { ...params, page: 1 } };
}

/** Where "back to the list" goes from a lead opened from `origin`. */
export function originHref(origin: ListOrigin): string {
  return origin.kind === 'queue' ? `/queue${origin.scope === 'team' ? '?scope=team' : ''}` : `/leads${toSearchString(origin.params)}`;
}
