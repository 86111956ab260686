// API tokens for BI tools and dialers: `lsk_<prefix>_<secret>`. The prefix finds the row and is
// shown in lists; only the SHA-256 of the 32-byte secret is stored, compared in constant time. A
// token is shown once, when created, belongs to one tenant, carries scopes (what it may do: export
// the audit log, issue commands), expires on a date chosen when it is made, and can be revoked. It
// also stops working while the person who created it is deactivated.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { IllegalStateError } from '@/lib/errors';
import { addDays, dayOf, parseDay, startOfDay } from '@/lib/input/time';
import { fieldError, parseInput } from '@/lib/input/validation';
import { isUserDeactivated } from '@/lib/read/event-log/staff-access';
import { TOKEN_SCOPES, type TokenScope } from './roles';

const TOKEN_PATTERN = /^lsk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * How long a token lives: one of these many days, or until a date (the end of that UTC day) at
 * most a year ahead. There is no "never": a token copied into a BI tool's settings outlives the
 * people who knew about it, and an expiry makes someone look at it again.
 */
export const LIFETIMES: Readonly<Record<string, number>> = { '30': 30, '90': 90, '365': 365 };
export const DEFAULT_LIFETIME_DAYS = 90;
const MAX_LIFETIME_DAYS = 366;
const EXPIRY_CHOICES = 'Choose 30, 90 or 365 days, or a date (YYYY-MM-DD)';

/** When a token created at `now` with this choice expires, or the words refusing the choice. */
export function expiryOf(choice: string, now: Date): Date | string {
  if (Object.hasOwn(LIFETIMES, choice)) return addDays(now, LIFETIMES[choice]!);
  const day = parseDay(choice)!;
  const end = addDays(startOfDay(day), 1);
  if (day <= dayOf(now)) return 'The expiry date must be after today';
  if (end > addDays(now, MAX_LIFETIME_DAYS)) return 'A token may live at most a year: choose an earlier date';
  return end;
}

export const newTokenSchema = z.strictObject({
  name: z.string({ error: 'Name is required' }).trim().min(1, { error: 'Name is required' }).max(100, { error: 'Name must be at most 100 characters' }),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { error: `Each scope must be one of ${TOKEN_SCOPES.join(', ')}` }), { error: 'Scopes must be a list' })
    .min(1, { error: 'Choose at least one thing the token may do' })
    .transform((scopes) => TOKEN_SCOPES.filter((scope) => scopes.includes(scope)))
    .default(['export']),
  expires: z
    .string({ error: EXPIRY_CHOICES })
    .refine((value) => Object.hasOwn(LIFETIMES, value) || parseDay(value) !== null, { error: EXPIRY_CHOICES })
    .default(String(DEFAULT_LIFETIME_DAYS)),
});

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

export type ApiTokenSummary = {
  id: string; name: string; prefix: string; scopes: TokenScope[]; createdBy: string;
  createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; expiresAt: Date;
};

/** Creates a token; the returned `token` is the only time its secret exists outside the caller. */
export async function createApiToken(
  db: Db, tenantId: string, createdBy: string, input: unknown, { now = new Date() }: { now?: Date } = {},
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const { name, scopes, expires } = parseInput(newTokenSchema, input);
  const expiresAt = expiryOf(expires, now);
  if (typeof expiresAt === 'string') throw fieldError('expires', expiresAt);
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const row = await db.apiToken.create({
    data: { id: randomUUID(), tenantId, name, prefix, secretHash: hashSecret(secret).toString('hex'), scopes, createdBy, createdAt: now, expiresAt },
    select: SUMMARY,
  });
  return { token: `lsk_${prefix}_${secret}`, summary: toSummary(row) };
}

export type VerifiedToken = { id: string; tenantId: string; scopes: TokenScope[]; name: string };

export type TokenCheck =
  | { readonly ok: true; readonly token: VerifiedToken }
  /** Malformed, unknown, wrong or revoked: the same answer for each, so it tells a guesser nothing. */
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'expired'; readonly expiredAt: Date }
  | { readonly ok: false; readonly reason: 'creator-deactivated' };

// "Last used" is to the minute: a dialer's every command need not write the token's row.
const LAST_USED_PRECISION_MS = 60_000;

/** Whether the token works now, and if not why (the secret was right for the last two). */
export async function checkApiToken(db: Db, token: string, { now = new Date() }: { now?: Date } = {}): Promise<TokenCheck> {
  const match = TOKEN_PATTERN.exec(token);
  // Malformed and unknown tokens still hash and compare, so timing tells nothing about the prefix.
  const row = match ? await db.apiToken.findUnique({ where: { prefix: match[1]! } }) : null;
  const presented = hashSecret(match?.[2] ?? token);
  const stored = row ? Buffer.from(row.secretHash, 'hex') : Buffer.alloc(32);
  const equal = stored.length === presented.length && timingSafeEqual(stored, presented);
  if (!row || !equal || row.revokedAt) return { ok: false, reason: 'invalid' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired', expiredAt: row.expiresAt };
  if (await isUserDeactivated(db, row.tenantId, row.createdBy)) return { ok: false, reason: 'creator-deactivated' };
  await db.apiToken.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
    data: { lastUsedAt: now },
  });
  return { ok: true, token: { id: row.id, tenantId: row.tenantId, scopes: knownScopes(row.scopes), name: row.name } };
}

/** The token's tenant and scopes, or null when it does not work (see checkApiToken for why). */
export async function verifyApiToken(db: Db, token: string): Promise<VerifiedToken | null> {
  const check = await checkApiToken(db, token);
  return check.ok ? check.token : null;
}

export async function revokeApiToken(db: Db, tenantId: string, tokenId: string): Promise<void> {
  const revoked = await db.apiToken.updateMany({ where: { id: tokenId, tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) throw new IllegalStateError('token.not-found');
}

const SUMMARY = { id: true, name: true, prefix: true, scopes: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true } as const;

const knownScopes = (scopes: readonly string[]): TokenScope[] => TOKEN_SCOPES.filter((scope) => scopes.includes(scope));
const toSummary = <Row extends { scopes: string[] }>(row: Row) => ({ ...row, scopes: knownScopes(row.scopes) });

export async function listApiTokens(db: Db, tenantId: string): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({ where: { tenantId }, select: SUMMARY, orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
  return rows.map(toSummary);
}
