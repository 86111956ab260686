// Users of a tenant: created by admins (and by the demo seed) with a hashed password; nobody signs up.
import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/input/validation';
import { ROLES } from './roles';

export const newUserSchema = z.strictObject({
  name: z.string({ error: 'Name is required' }).trim().min(1, { error: 'Name is required' }).max(100),
  email: z.email({ error: 'Enter a valid email address' }).trim().toLowerCase(),
  password: z.string({ error: 'Password is required' }).min(10, { error: 'Password must be at least 10 characters' }).max(200),
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` }),
});

export async function createUser(db: Db, tenantId: string, input: unknown, { id = randomUUID() }: { id?: string } = {}) {
  const { name, email, password, role } = parseInput(newUserSchema, input);
  if (await db.user.findUnique({ where: { email } })) throw new ValidationError([{ field: 'email', code: 'user.email-taken' }]);
  const hash = await hashPassword(password);
  return db.user.create({
    data: {
      id, name, email, role, tenantId, emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: hash } },
    },
    select: { id: true, name: true, email: true, role: true },
  });
}

const roleSchema = z.strictObject({ role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` }) });

export async function setUserRole(db: Db, tenantId: string, userId: string, role: unknown) {
  const parsed = parseInput(roleSchema, { role });
  const updated = await db.user.updateMany({ where: { id: userId, tenantId }, data: { role: parsed.role } });
  if (updated.count === 0) throw new IllegalStateError('user.not-found');
}
