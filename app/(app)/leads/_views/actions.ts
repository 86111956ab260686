'use server';
// Saved views of the lead list: every user who works leads keeps their own; managers share theirs
// with the organisation. The tenant and the owner are always the caller's.
import { revalidatePath } from 'next/cache';
import type { CurrentUser } from '@/lib/gate/principal';
import { changeView, type ViewChange } from '@/lib/commands/views-service';
import { action } from '@/lib/gate';
import { system } from '@/lib/system/server';

async function change(user: CurrentUser, kind: ViewChange, input: unknown) {
  const outcome = await changeView(system().store, user, kind, input);
  revalidatePath('/leads');
  return outcome;
}

/** `{ viewId, name, query }`: the list as it is now, under a new name. */
export const saveView = action('work-leads', (user, input) => change(user, 'save', input));
/** `{ viewId, name }` of one of the caller's views. */
export const renameView = action('work-leads', (user, input) => change(user, 'rename', input));
/** `{ viewId }` of one of the caller's views. */
export const deleteView = action('work-leads', (user, input) => change(user, 'delete', input));
/** `{ viewId }`: managers show one of their views to everyone of the organisation. */
export const shareView = action('share-views', (user, input) => change(user, 'share', input));
/** `{ viewId }`: back to the manager's own. */
export const unshareView = action('share-views', (user, input) => change(user, 'unshare', input));
