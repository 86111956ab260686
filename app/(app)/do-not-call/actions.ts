'use server';
// Managers and admins keep their organisation's do-not-call list: the tenant is always their own.
// Each change is an event of the number's stream, with who did it and why.
import { revalidatePath } from 'next/cache';
import { changeNumber } from '@/lib/commands/do-not-call-service';
import { action } from '@/lib/gate';
import { system } from '@/lib/system/server';

/** `{ phone, reason }`: puts the number on the list. */
export const blockNumber = action('manage-do-not-call', async (user, input) => {
  const outcome = await changeNumber(system().store, user, 'block', input);
  revalidatePath('/do-not-call');
  return outcome;
});

/** `{ phone, reason }`: takes the number off the list. */
export const unblockNumber = action('manage-do-not-call', async (user, input) => {
  const outcome = await changeNumber(system().store, user, 'unblock', input);
  revalidatePath('/do-not-call');
  return outcome;
});
