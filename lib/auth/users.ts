// Users of a tenant: created by admins (and by the demo seed) with a hashed password; nobody signs up.
import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import { toValidationError } from '@/lib/leads/schemas';
import { ROLES } from './roles';

export const newUserSchema = z.strictObject({
  name: z.string({ error: 'Name is required' }).trim().min(1, { error: 'Name is required' }).max(100),
  email: z.email({ error: 'Enter a valid email address' }).trim().toLowerCase(),
  password: z.string({ error: 'Password is required' }).min(10, { error: 'Password must be at least 10 characters' }).max(200),
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` }),
});

export async function createUser(db: Db, tenantId: string, input: unknown, { id = randomUUID() }: { id?: string } = {}) {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  const { name, email, password, role } = parsed.data;
  if (await db.user.findUnique({ where: { email } })) {
    throw new ValidationError([{ field: 'email', message: 'A user with this email already exists' }]);
  }
  const hash = await hashPassword(password);
  return db.user.create({
    data: {
      id, name, email, role, tenantId, emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: hash } },
    },
    select: { id: true, name: true, email: true, role: true },
  });
}

export async function setUserRole(db: Db, tenantId: string, userId: string, role: unknown) {
  const parsed = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` }).safeParse(role);
  if (!parsed.success) throw new ValidationError([{ field: 'role', message: parsed.error.issues[0]!.message }]);
  const updated = await db.user.updateMany({ where: { id: userId, tenantId }, data: { role: parsed.data } });
  if (updated.count === 0) throw new IllegalStateError('No such user in your organisation');
}

export function listUsers(db: Db, tenantId: string) {
  return db.user.findMany({ where: { tenantId }, select: { id: true, name: true, email: true, role: true }, orderBy: { name: 'asc' } });
}
