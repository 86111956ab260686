'use server';
// The lead pages' server actions. Each goes through `authorized`, which checks the session and the
// role, hands over the user's tenant and turns refusals into a small result; the command itself is
// checked field by field (Zod) and decided in lib/commands.
import { z } from 'zod';
import { authorized, type ActionResult } from '@/lib/auth/action';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createLeadStore } from '@/lib/commands/lead-store';
import { db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { toValidationError } from '@/lib/leads/schemas';
import { assignableOwners, leadsHoldingContact, type ContactHolder } from '@/lib/read/lead-detail';
import { tenantRegion } from '@/lib/read/organisation/tenant';

export type CommandOutcome = { leadId: string; version: number; merged: boolean; duplicate: boolean; position: string };

/** The parts of a command this edge looks at itself; executeLeadCommand checks all of it. */
const commandShape = z.looseObject({
  type: z.string(),
  leadId: z.string().optional(),
  data: z.looseObject({ ownerId: z.string().nullish() }).optional(),
});

async function execute(user: { id: string; tenantId: string }, input: unknown): Promise<CommandOutcome> {
  const shape = commandShape.safeParse(input);
  const ownerId = shape.success ? shape.data.data?.ownerId : undefined;
  // The domain takes any owner id: only this edge knows who belongs to the tenant.
  if (ownerId && !(await assignableOwners(db(), user.tenantId)).some((owner) => owner.id === ownerId)) {
    throw new ValidationError([{ field: 'ownerId', message: 'Choose someone of your organisation who works leads' }]);
  }
  const context = { tenantId: user.tenantId, actorId: user.id, region: await tenantRegion(user.tenantId) };
  const result = await executeLeadCommand(createLeadStore(db()), context, input);
  return { leadId: result.streamId, version: result.version, merged: result.merged, duplicate: result.duplicate, position: String(result.position) };
}

const commandType = (input: unknown) => commandShape.safeParse(input).data?.type;

const register = authorized('work-leads', async (user, input) => {
  if (commandType(input) !== 'RegisterLead') throw new ValidationError([{ field: 'type', message: 'Expected a new lead' }]);
  return execute(user, input);
});

const change = authorized('work-leads', async (user, input) => {
  if (commandType(input) === 'RegisterLead') {
    throw new ValidationError([{ field: 'type', message: 'A lead is registered from the new lead form' }]);
  }
  return execute(user, input);
});

const contactQuery = z.strictObject({
  kind: z.enum(['phone', 'email']),
  value: z.string().max(200),
  excludeLeadId: z.string().max(100).optional(),
});

const holders = authorized('work-leads', async (user, input) => {
  const parsed = contactQuery.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  const query = parsed.data;
  return leadsHoldingContact(db(), user.tenantId, { ...query, region: await tenantRegion(user.tenantId) });
});

/** RegisterLead `{ type, commandId, data: { leadId, ... } }`: the ids come from the form, so a double submit is one lead. */
export async function registerLead(input: unknown): Promise<ActionResult<CommandOutcome>> {
  return register(input);
}

/** Any other lead command `{ type, leadId, expectedVersion, commandId, data }`. */
export async function sendLeadCommand(input: unknown): Promise<ActionResult<CommandOutcome>> {
  return change(input);
}

/** Other leads of the user's tenant that hold this phone or email now: for a warning, not a refusal. */
export async function findContactHolders(input: unknown): Promise<ActionResult<ContactHolder[]>> {
  return holders(input);
}
