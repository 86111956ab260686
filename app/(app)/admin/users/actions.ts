'use server';
// Admins manage the users of their own organisation: the tenant is always the admin's.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorized } from '@/lib/auth/action';
import { createUser, setUserRole } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { IllegalStateError } from '@/lib/errors';
import { toValidationError } from '@/lib/leads/schemas';

export const addUser = authorized('manage-users', async (admin, input) => {
  const created = await createUser(db(), admin.tenantId, input);
  revalidatePath('/admin/users');
  return created;
});

const roleChange = z.object({ userId: z.string({ error: 'User is required' }).min(1, { error: 'User is required' }), role: z.unknown() });

export const changeUserRole = authorized('manage-users', async (admin, input) => {
  const parsed = roleChange.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  // An admin demoting themself could leave the organisation without one.
  if (parsed.data.userId === admin.id) throw new IllegalStateError('You cannot change your own role: ask another admin.', 'role');
  await setUserRole(db(), admin.tenantId, parsed.data.userId, parsed.data.role);
  revalidatePath('/admin/users');
  return { userId: parsed.data.userId };
});
