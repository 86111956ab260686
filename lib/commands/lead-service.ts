import 'server-only';
// A lead command from whoever the gate let through (an agent's server action, a dialer's API call):
// the same checks, the same handler, the same result. Only this edge knows who belongs to the
// tenant, so it checks the owner a command names before the domain decides.
import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { actorOf, type Principal } from '@/lib/gate/principal';
import { assignableUsers } from '@/lib/read/organisation/users';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import type { System } from '@/lib/system';
import { executeLeadCommand } from './lead-commands';

export type CommandOutcome = { leadId: string; version: number; merged: boolean; duplicate: boolean; position: string };

/** The parts of a command this edge looks at itself; executeLeadCommand checks all of it. */
const commandShape = z.looseObject({
  type: z.string(),
  data: z.looseObject({ ownerId: z.string().nullish() }).optional(),
});

export const commandTypeOf = (input: unknown): string | undefined => commandShape.safeParse(input).data?.type;

export async function runLeadCommand(system: System, caller: Principal, input: unknown): Promise<CommandOutcome> {
  const ownerId = commandShape.safeParse(input).data?.data?.ownerId;
  if (ownerId && !(await assignableUsers(system.db, caller.tenantId)).some((owner) => owner.id === ownerId)) {
    throw new ValidationError([{ field: 'ownerId', code: 'owner.not-assignable' }]);
  }
  const context = { tenantId: caller.tenantId, actorId: actorOf(caller), region: await tenantRegion(system.db, caller.tenantId) };
  const result = await executeLeadCommand(system.store, context, input);
  return { leadId: result.streamId, version: result.version, merged: result.merged, duplicate: result.duplicate, position: String(result.position) };
}
