import 'server-only';
// A lead command from whoever the gate let through (an agent's server action, a dialer's API call):
// the same checks, the same handler, the same result. Only this edge knows who belongs to the
// tenant, so it checks the owner a command names before the domain decides.
import { z } from 'zod';
import { can } from '@/lib/auth/roles';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import { actorOf, type Principal } from '@/lib/gate/principal';
import { assignableUsers } from '@/lib/read/organisation/users';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import type { System } from '@/lib/system';
import { executeLeadCommand } from './lead-commands';

export type CommandOutcome = { leadId: string; version: number; merged: boolean; duplicate: boolean; position: string };

/** The parts of a command this edge looks at itself; executeLeadCommand checks all of it. */
const commandShape = z.looseObject({
  type: z.string(),
  data: z.looseObject({ ownerId: z.string().nullish(), agentId: z.string().nullish() }).optional(),
});

/** Undoing a person's wish or a lead's spent attempts is for managers (docs/dialing.md). */
const MANAGER_COMMANDS = new Set(['LiftDoNotCall', 'RecycleLead']);

/** Commands that name the agent who acts: a person acts for themself; a system (a dialer) names them. */
const AGENT_COMMANDS = new Set(['RecordCallOutcome', 'SkipLead']);

export const commandTypeOf = (input: unknown): string | undefined => commandShape.safeParse(input).data?.type;

export async function runLeadCommand(system: System, caller: Principal, input: unknown, now = new Date()): Promise<CommandOutcome> {
  const shape = commandShape.safeParse(input).data;
  if (shape && MANAGER_COMMANDS.has(shape.type) && caller.kind === 'user' && !can(caller.role, 'manage-dialing')) {
    throw new IllegalStateError('dialing.managers-only', { field: 'type' });
  }
  const named = [['ownerId', shape?.data?.ownerId], ['agentId', caller.kind === 'token' ? shape?.data?.agentId : null]] as const;
  for (const [field, userId] of named) {
    if (userId && !(await assignableUsers(system.db, caller.tenantId)).some((owner) => owner.id === userId)) {
      throw new ValidationError([{ field, code: 'owner.not-assignable' }]);
    }
  }
  const acting = caller.kind === 'user' && shape && AGENT_COMMANDS.has(shape.type) && typeof input === 'object'
    ? { ...(input as object), data: { ...(shape.data ?? {}), agentId: caller.id } }
    : input;
  const context = { tenantId: caller.tenantId, actorId: actorOf(caller), region: await tenantRegion(system.db, caller.tenantId), dialing: system.dialing, assign: system.assign, now };
  const result = await executeLeadCommand(system.store, context, acting);
  return { leadId: result.streamId, version: result.version, merged: result.merged, duplicate: result.duplicate, position: String(result.position) };
}
