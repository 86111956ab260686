'use server';
// The lead pages' server actions. Each goes through the gate, which checks the session and the role
// and hands over the user; the command itself is checked field by field (Zod) and decided in
// lib/commands, exactly as for the command API.
import { headers } from 'next/headers';
import { z } from 'zod';
import { clockOf } from '@/lib/clock';
import { nextLead, type NextLead } from '@/lib/commands/next-lead';
import { runLeadCommand, commandTypeOf, type CommandOutcome } from '@/lib/commands/lead-service';
import { mergeLeads, unmergeLead } from '@/lib/commands/merge-service';
import { action, type ActionResult } from '@/lib/gate';
import { fieldError, parseInput } from '@/lib/input/validation';
import { leadsHoldingContact, type ContactHolder } from '@/lib/read/search-terms/contact-holders';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { system } from '@/lib/system/server';

export type { CommandOutcome } from '@/lib/commands/lead-service';

const register = action('work-leads', async (user, input) => {
  if (commandTypeOf(input) !== 'RegisterLead') throw fieldError('type', 'Expected a new lead');
  return runLeadCommand(system(), user, input, clockOf(await headers()));
});

const change = action('work-leads', async (user, input) => {
  if (commandTypeOf(input) === 'RegisterLead') throw fieldError('type', 'A lead is registered from the new lead form');
  return runLeadCommand(system(), user, input, clockOf(await headers()));
});

const draw = action('work-leads', async (user, input) => {
  parseInput(z.strictObject({}), input ?? {});
  return nextLead(system(), user.tenantId, user.id, clockOf(await headers()));
});

const contactQuery = z.strictObject({
  kind: z.enum(['phone', 'email']),
  value: z.string().max(200),
  excludeLeadId: z.string().max(100).optional(),
});

const holders = action('work-leads', async (user, input) => {
  const query = parseInput(contactQuery, input);
  const { db } = system();
  return leadsHoldingContact(db, user.tenantId, { ...query, region: await tenantRegion(db, user.tenantId) });
});

/** RegisterLead `{ type, commandId, data: { leadId, ... } }`: the ids come from the form, so a double submit is one lead. */
export async function registerLead(input: unknown): Promise<ActionResult<CommandOutcome>> {
  return register(input);
}

/** Any other lead command `{ type, leadId, expectedVersion, commandId, data }`. */
export async function sendLeadCommand(input: unknown): Promise<ActionResult<CommandOutcome>> {
  return change(input);
}

/** "Next lead": the best lead the agent may call now, held for them; `none` when there is nothing to call. */
export async function drawNextLead(input: unknown): Promise<ActionResult<NextLead>> {
  return draw(input);
}

/** Other leads of the user's tenant that hold this phone or email now: for a warning, not a refusal. */
export async function findContactHolders(input: unknown): Promise<ActionResult<ContactHolder[]>> {
  return holders(input);
}

const merge = action('merge-leads', async (user, input) => {
  const result = await mergeLeads(system().store, { tenantId: user.tenantId, actorId: user.id, now: clockOf(await headers()) }, input);
  return { leadId: result.streamId, version: result.version };
});

const unmerge = action('merge-leads', async (user, input) => {
  const result = await unmergeLead(system().store, { tenantId: user.tenantId, actorId: user.id, now: clockOf(await headers()) }, input);
  return { leadId: result.streamId, version: result.version };
});

/** A manager merges `{ survivorId, leadId, survivorVersion, leadVersion, commandId, choices }`: both versions as the merge screen showed them. */
export async function mergeLeadPair(input: unknown): Promise<ActionResult<{ leadId: string; version: number }>> {
  return merge(input);
}

/** A manager undoes the survivor's latest merge `{ survivorId, mergeId }`. */
export async function undoMerge(input: unknown): Promise<ActionResult<{ leadId: string; version: number }>> {
  return unmerge(input);
}
