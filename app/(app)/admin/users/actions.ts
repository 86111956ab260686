'use server';
// Admins manage the users of their own organisation: the tenant is always the admin's. Deactivating
// someone (they left) ends their access at once and keeps their leads and history; it is audited.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createUser, setUserRole } from '@/lib/auth/users';
import { changeUserAccess } from '@/lib/commands/staff-service';
import { IllegalStateError } from '@/lib/errors';
import { action } from '@/lib/gate';
import { parseInput } from '@/lib/input/validation';
import { system } from '@/lib/system/server';

export const addUser = action('manage-users', async (admin, input) => {
  const created = await createUser(system().db, admin.tenantId, input);
  revalidatePath('/admin/users');
  return created;
});

const roleChange = z.object({ userId: z.string({ error: 'User is required' }).min(1, { error: 'User is required' }), role: z.unknown() });

export const changeUserRole = action('manage-users', async (admin, input) => {
  const { userId, role } = parseInput(roleChange, input);
  // An admin demoting themself could leave the organisation without one.
  if (userId === admin.id) throw new IllegalStateError('user.own-role', { field: 'role' });
  await setUserRole(system().db, admin.tenantId, userId, role);
  revalidatePath('/admin/users');
  return { userId };
});

export const deactivateUser = action('manage-users', async (admin, input) => {
  const outcome = await changeUserAccess(system(), admin, 'deactivate', input);
  revalidatePath('/admin/users');
  return outcome;
});

export const reactivateUser = action('manage-users', async (admin, input) => {
  const outcome = await changeUserAccess(system(), admin, 'reactivate', input);
  revalidatePath('/admin/users');
  return outcome;
});
