import 'server-only';
// A user saves the lead list as a view, renames or deletes one of theirs, and a manager shares one
// with the organisation (the gate lets only managers ask). Decided by the saved-views aggregate
// (lib/views) on the tenant's views stream, with the user as the events' actor; the inline read
// model is written in the same transaction.
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@/lib/event-store';
import { parseInput } from '@/lib/input/validation';
import { parseLeadListParams, toSearchString } from '@/lib/read/lead-table/list-params';
import { assignableUsers } from '@/lib/read/organisation/users';
import { viewsAggregate } from '@/lib/views/aggregate';
import type { ViewCommand } from '@/lib/views/decide';
import { renameViewInput, saveViewInput, viewIdInput } from '@/lib/views/input';
import { VIEWS_STREAM_ID } from '@/lib/views/views';
import { handleCommand } from './handle-command';

type Caller = { readonly tenantId: string; readonly id: string };
export type ViewChange = 'save' | 'rename' | 'delete' | 'share' | 'unshare';
type Options = { now?: Date; commandId?: string };

/** Bad input is a ValidationError naming the field, and nothing is stored. */
export async function changeView(store: EventStore, caller: Caller, change: ViewChange, input: unknown, { now = new Date(), commandId = randomUUID() }: Options = {}) {
  const command = await commandFor(store, caller, change, input);
  await handleCommand(store, viewsAggregate, { tenantId: caller.tenantId, streamId: VIEWS_STREAM_ID, command, commandId, actor: caller.id, now });
  return { viewId: command.data.viewId };
}

async function commandFor(store: EventStore, caller: Caller, change: ViewChange, input: unknown): Promise<ViewCommand> {
  const by = caller.id;
  switch (change) {
    case 'save': {
      const { viewId, name, query } = parseInput(saveViewInput, input);
      return { type: 'SaveView', data: { viewId, name, query: await listQuery(store, caller.tenantId, query), by } };
    }
    case 'rename':
      return { type: 'RenameView', data: { ...parseInput(renameViewInput, input), by } };
    case 'delete':
      return { type: 'DeleteView', data: { ...parseInput(viewIdInput, input), by } };
    case 'share':
      return { type: 'ShareView', data: { ...parseInput(viewIdInput, input), by } };
    case 'unshare':
      return { type: 'UnshareView', data: { ...parseInput(viewIdInput, input), by } };
  }
}

/** The list's state read as the list reads it, so a view keeps only what the list accepts; from its first page. */
async function listQuery(store: EventStore, tenantId: string, query: string): Promise<string> {
  const owners = (await assignableUsers(store.db, tenantId)).map((owner) => owner.id);
  const params = parseLeadListParams(Object.fromEntries(new URLSearchParams(query)), owners);
  return toSearchString({ ...params, page: 1 }).replace(/^\?/, '');
}
