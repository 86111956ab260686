import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db } from '@/lib/db';
import { CLIENT_ADDRESS_HEADER } from '@/lib/limits/client-address';

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
