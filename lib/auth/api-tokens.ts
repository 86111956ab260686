// API tokens for the BI export: `lsk_<prefix>_<secret>`. The prefix finds the row and is shown in
// lists; only the SHA-256 of the 32-byte secret is stored, compared in constant time. A token is
// shown once, when created, belongs to one tenant, and can be revoked.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { IllegalStateError } from '@/lib/errors';
import { toValidationError } from '@/lib/leads/schemas';

export const TOKEN_SCOPES = ['export'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const TOKEN_PATTERN = /^lsk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export const newTokenSchema = z.strictObject({
  name: z.string({ error: 'Name is required' }).trim().min(1, { error: 'Name is required' }).max(100, { error: 'Name must be at most 100 characters' }),
});

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

export type ApiTokenSummary = {
  id: string; name: string; prefix: string; scope: string; createdBy: string;
  createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null;
};

/** Creates a token; the returned `token` is the only time its secret exists outside the caller. */
export async function createApiToken(db: Db, tenantId: string, createdBy: string, input: unknown): Promise<{ token: string; summary: ApiTokenSummary }> {
  const parsed = newTokenSchema.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const summary = await db.apiToken.create({
    data: { id: randomUUID(), tenantId, name: parsed.data.name, prefix, secretHash: hashSecret(secret).toString('hex'), scope: 'export', createdBy },
    select: SUMMARY,
  });
  return { token: `lsk_${prefix}_${secret}`, summary };
}

export type VerifiedToken = { id: string; tenantId: string; scope: TokenScope; name: string };

/** The token's tenant and scope, or null when it is malformed, unknown, wrong or revoked. */
export async function verifyApiToken(db: Db, token: string): Promise<VerifiedToken | null> {
  const match = TOKEN_PATTERN.exec(token);
  // Malformed and unknown tokens still hash and compare, so timing tells nothing about the prefix.
  const row = match ? await db.apiToken.findUnique({ where: { prefix: match[1]! } }) : null;
  const presented = hashSecret(match?.[2] ?? token);
  const stored = row ? Buffer.from(row.secretHash, 'hex') : Buffer.alloc(32);
  const equal = stored.length === presented.length && timingSafeEqual(stored, presented);
  if (!row || !equal || row.revokedAt) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { id: row.id, tenantId: row.tenantId, scope: row.scope as TokenScope, name: row.name };
}

export async function revokeApiToken(db: Db, tenantId: string, tokenId: string): Promise<void> {
  const revoked = await db.apiToken.updateMany({ where: { id: tokenId, tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) throw new IllegalStateError('No such active token in your organisation');
}

const SUMMARY = { id: true, name: true, prefix: true, scope: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function listApiTokens(db: Db, tenantId: string): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({ where: { tenantId }, select: SUMMARY, orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
}
