import 'server-only';
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db } from '@/lib/db';
import { CLIENT_ADDRESS_HEADER } from '@/lib/limits/client-address';
import { isUserDeactivated } from '@/lib/read/event-log/staff-access';

// Email and password accounts with httpOnly, SameSite=Lax session cookies. Nobody signs up: admins
// create users (lib/auth/users.ts). Logins are rate limited at the auth route (lib/gate/login-limits.ts).
const baseURL = process.env.BETTER_AUTH_URL;

/** The app's own origin, under both names a local browser may use for it. */
function trustedOrigins(): string[] {
  if (!baseURL) return [];
  const url = new URL(baseURL);
  const twins = url.hostname === 'localhost' ? ['127.0.0.1'] : url.hostname === '127.0.0.1' ? ['localhost'] : [];
  return [url.origin, ...twins.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`)];
}

export const auth = betterAuth({
  secret: process.env.BETTER_AUTH_SECRET,
  baseURL,
  trustedOrigins: trustedOrigins(),
  database: prismaAdapter(db(), { provider: 'postgresql' }),
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
  user: {
    additionalFields: {
      tenantId: { type: 'string', input: false, required: true },
      role: { type: 'string', input: false, required: true },
    },
  },
  session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
  databaseHooks: {
    session: {
      create: {
        // A deactivated user's right password opens no session (lib/staff); the gate refuses any
        // session they still hold.
        async before(session) {
          const user = await db().user.findUnique({ where: { id: session.userId }, select: { tenantId: true } });
          if (user && (await isUserDeactivated(db(), user.tenantId, session.userId))) {
            throw new APIError('FORBIDDEN', { message: 'This account has been deactivated: ask an administrator.', code: 'ACCOUNT_DEACTIVATED' });
          }
        },
      },
    },
  },
  // Logins are limited by lib/gate/login-limits.ts, per account and per trusted client address;
  // better-auth's own limiter would read the address from X-Forwarded-For as any client sends it.
  rateLimit: { enabled: false },
  advanced: {
    defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
    // The address sessions record: the one the login limit believes, set by the auth route.
    ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
  },
  plugins: [nextCookies()],
});
