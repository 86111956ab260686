import 'server-only';
// An admin deactivates or reactivates a user of their own tenant: the change is decided by the
// staff aggregate (lib/staff) and stored as an event of the user's stream, with the admin as its
// actor. From the moment it commits, the gate refuses the user's sessions and the tokens they made
// (lib/read/event-log/staff-access.ts reads the log); their sessions are then deleted as well.
import { randomUUID } from 'node:crypto';
import { IllegalStateError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/gate/principal';
import { parseInput } from '@/lib/input/validation';
import { staffAggregate } from '@/lib/staff/aggregate';
import { accessChangeSchema, staffStreamId } from '@/lib/staff/staff';
import type { System } from '@/lib/system';
import { handleCommand } from './handle-command';

export type AccessChangeOutcome = { userId: string; active: boolean };

export async function changeUserAccess(
  system: System,
  admin: CurrentUser,
  change: 'deactivate' | 'reactivate',
  input: unknown,
  { now = new Date() }: { now?: Date } = {},
): Promise<AccessChangeOutcome> {
  const { userId, reason } = parseInput(accessChangeSchema, input);
  const user = await system.db.user.findFirst({ where: { id: userId, tenantId: admin.tenantId }, select: { id: true } });
  if (!user) throw new IllegalStateError('user.not-found', { field: 'userId' });
  const data = { userId, reason, by: admin.id };
  await handleCommand(system.store, staffAggregate, {
    tenantId: admin.tenantId,
    streamId: staffStreamId(userId),
    command: change === 'deactivate' ? { type: 'DeactivateUser', data } : { type: 'ReactivateUser', data },
    commandId: randomUUID(),
    actor: admin.id,
    now,
  });
  if (change === 'deactivate') await system.db.session.deleteMany({ where: { userId } });
  return { userId, active: change === 'reactivate' };
}
