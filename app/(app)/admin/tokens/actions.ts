'use server';
// Admins create and revoke their organisation's API tokens; the tenant is always the admin's.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { action } from '@/lib/gate';
import { parseInput } from '@/lib/input/validation';
import { system } from '@/lib/system/server';

/** The token comes back once, here; only its hash is kept. */
export const addApiToken = action('manage-users', async (admin, input) => {
  const { token, summary } = await createApiToken(system().db, admin.tenantId, admin.id, input);
  revalidatePath('/admin/tokens');
  return { id: summary.id, token, name: summary.name, prefix: summary.prefix, scopes: summary.scopes, expiresAt: summary.expiresAt.toISOString() };
});

const revocation = z.strictObject({ tokenId: z.uuid({ error: 'Token is required' }) });

export const revokeToken = action('manage-users', async (admin, input) => {
  const { tokenId } = parseInput(revocation, input);
  await revokeApiToken(system().db, admin.tenantId, tokenId);
  revalidatePath('/admin/tokens');
  return { tokenId };
});
