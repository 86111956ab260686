'use server';
// Erasing a person's data from a lead (docs/erasure.md): managers and admins, through the gate.
import { headers } from 'next/headers';
import { clockOf } from '@/lib/clock';
import { erasePersonalData, type ErasureOutcome } from '@/lib/erasure/erase-service';
import { action, type ActionResult } from '@/lib/gate';
import { system } from '@/lib/system/server';

const erase = action('erase-personal-data', async (user, input) =>
  erasePersonalData(system(), { tenantId: user.tenantId, actorId: user.id, now: clockOf(await headers()) }, input));

/** `{ leadId, reason, commandId? }`: the lead's personal data erased for good. */
export async function eraseLeadData(input: unknown): Promise<ActionResult<ErasureOutcome>> {
  return erase(input);
}
