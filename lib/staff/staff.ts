// Staff access: a user of a tenant is active until an admin deactivates them (they left, say), and
// can be reactivated. Each change is an event of the user's own stream, with the admin as its actor
// and the reason given, so who cut whose access, when and why is in the audit log and the export
// like every other change. Pure: the time, the ids and the acting admin arrive on the command.
import { z } from 'zod';
import { IllegalStateError } from '@/lib/errors';

export const STAFF_STREAM_TYPE = 'staff';

/** One stream per user; the prefix keeps it apart from leads and imports, whose ids are UUIDs. */
export const staffStreamId = (userId: string) => `staff:${userId}`;

export const STAFF_EVENT_SCHEMAS = {
  UserDeactivated: z.strictObject({ userId: z.string(), reason: z.string() }),
  UserReactivated: z.strictObject({ userId: z.string(), reason: z.string() }),
} as const;

type Schemas = typeof STAFF_EVENT_SCHEMAS;
export type StaffEvent = { [Type in keyof Schemas]: { type: Type; data: z.output<Schemas[Type]> } }[keyof Schemas];

/** What an admin sends to change someone's access. */
export const accessChangeSchema = z.strictObject({
  userId: z.string({ error: 'User is required' }).min(1, { error: 'User is required' }).max(200, { error: 'User is required' }),
  reason: z
    .string({ error: 'Say why, for the audit log' })
    .trim()
    .min(1, { error: 'Say why, for the audit log' })
    .max(500, { error: 'The reason must be at most 500 characters' }),
});

export type StaffCommand =
  | { readonly type: 'DeactivateUser'; readonly data: { readonly userId: string; readonly reason: string; readonly by: string } }
  | { readonly type: 'ReactivateUser'; readonly data: { readonly userId: string; readonly reason: string; readonly by: string } };

export type StaffState = { readonly active: boolean };

export const initialStaffState = (): StaffState => ({ active: true });

export function evolveStaff(state: StaffState, event: StaffEvent): StaffState {
  switch (event.type) {
    case 'UserDeactivated':
      return { active: false };
    case 'UserReactivated':
      return { active: true };
    default:
      return state;
  }
}

export function decideStaff(command: StaffCommand, state: StaffState): StaffEvent[] {
  switch (command.type) {
    case 'DeactivateUser':
      return deactivate(command.data, state);
    case 'ReactivateUser':
      return reactivate(command.data, state);
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

function deactivate({ userId, reason, by }: StaffCommand['data'], state: StaffState): StaffEvent[] {
  // An admin locking themself out could leave the organisation without one.
  if (userId === by) throw new IllegalStateError('user.own-deactivation', { field: 'userId' });
  if (!state.active) throw new IllegalStateError('user.already-deactivated', { field: 'userId' });
  return [{ type: 'UserDeactivated', data: { userId, reason } }];
}

function reactivate({ userId, reason }: StaffCommand['data'], state: StaffState): StaffEvent[] {
  if (state.active) throw new IllegalStateError('user.not-deactivated', { field: 'userId' });
  return [{ type: 'UserReactivated', data: { userId, reason } }];
}
