'use server';
// Admins create and revoke their organisation's API tokens; the tenant is always the admin's.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorized } from '@/lib/auth/action';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { db } from '@/lib/db';
import { toValidationError } from '@/lib/leads/schemas';

/** The token comes back once, here; only its hash is kept. */
export const addApiToken = authorized('manage-users', async (admin, input) => {
  const { token, summary } = await createApiToken(db(), admin.tenantId, admin.id, input);
  revalidatePath('/admin/tokens');
  return { token, name: summary.name, prefix: summary.prefix };
});

const revocation = z.strictObject({ tokenId: z.uuid({ error: 'Token is required' }) });

export const revokeToken = authorized('manage-users', async (admin, input) => {
  const parsed = revocation.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  await revokeApiToken(db(), admin.tenantId, parsed.data.tokenId);
  revalidatePath('/admin/tokens');
  return { tokenId: parsed.data.tokenId };
});
