// API tokens for BI tools and dialers: `lsk_<prefix>_<secret>`. The prefix finds the row and is
// shown in lists; only the SHA-256 of the 32-byte secret is stored, compared in constant time. A
// token is shown once, when created, belongs to one tenant, carries scopes (what it may do: export
// the audit log, issue commands) and can be revoked.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { IllegalStateError } from '@/lib/errors';
import { parseInput } from '@/lib/input/validation';
import { TOKEN_SCOPES, type TokenScope } from './roles';

const TOKEN_PATTERN = /^lsk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export const newTokenSchema = z.strictObject({
  name: z.string({ error: 'Name is required' }).trim().min(1, { error: 'Name is required' }).max(100, { error: 'Name must be at most 100 characters' }),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { error: `Each scope must be one of ${TOKEN_SCOPES.join(', ')}` }), { error: 'Scopes must be a list' })
    .min(1, { error: 'Choose at least one thing the token may do' })
    .transform((scopes) => TOKEN_SCOPES.filter((scope) => scopes.includes(scope)))
    .default(['export']),
});

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

export type ApiTokenSummary = {
  id: string; name: string; prefix: string; scopes: TokenScope[]; createdBy: string;
  createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null;
};

/** Creates a token; the returned `token` is the only time its secret exists outside the caller. */
export async function createApiToken(db: Db, tenantId: string, createdBy: string, input: unknown): Promise<{ token: string; summary: ApiTokenSummary }> {
  const { name, scopes } = parseInput(newTokenSchema, input);
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const row = await db.apiToken.create({
    data: { id: randomUUID(), tenantId, name, prefix, secretHash: hashSecret(secret).toString('hex'), scopes, createdBy },
    select: SUMMARY,
  });
  return { token: `lsk_${prefix}_${secret}`, summary: toSummary(row) };
}

export type VerifiedToken = { id: string; tenantId: string; scopes: TokenScope[]; name: string };

/** The token's tenant and scopes, or null when it is malformed, unknown, wrong or revoked. */
export async function verifyApiToken(db: Db, token: string): Promise<VerifiedToken | null> {
  const match = TOKEN_PATTERN.exec(token);
  // Malformed and unknown tokens still hash and compare, so timing tells nothing about the prefix.
  const row = match ? await db.apiToken.findUnique({ where: { prefix: match[1]! } }) : null;
  const presented = hashSecret(match?.[2] ?? token);
  const stored = row ? Buffer.from(row.secretHash, 'hex') : Buffer.alloc(32);
  const equal = stored.length === presented.length && timingSafeEqual(stored, presented);
  if (!row || !equal || row.revokedAt) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { id: row.id, tenantId: row.tenantId, scopes: knownScopes(row.scopes), name: row.name };
}

export async function revokeApiToken(db: Db, tenantId: string, tokenId: string): Promise<void> {
  const revoked = await db.apiToken.updateMany({ where: { id: tokenId, tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) throw new IllegalStateError('token.not-found');
}

const SUMMARY = { id: true, name: true, prefix: true, scopes: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

const knownScopes = (scopes: readonly string[]): TokenScope[] => TOKEN_SCOPES.filter((scope) => scopes.includes(scope));
const toSummary = <Row extends { scopes: string[] }>(row: Row) => ({ ...row, scopes: knownScopes(row.scopes) });

export async function listApiTokens(db: Db, tenantId: string): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({ where: { tenantId }, select: SUMMARY, orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
  return rows.map(toSummary);
}
