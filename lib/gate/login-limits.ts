import 'server-only';
// Logging in is limited twice (lib/limits): per account (the email tried), against guessing one
// person's password from many addresses, and per client address, against trying many accounts
// from one. Only failures count: a login that succeeds takes its attempt back, so an office of
// agents behind one address logging in at the start of a shift never meets the limit. The address
// is read as lib/limits/client-address.ts believes it, and handed to better-auth in a header of
// our own, so the sessions it records show the same address.
import { db } from '@/lib/db';
import { normaliseEmail } from '@/lib/leads/contact';
import { CLIENT_ADDRESS_HEADER, clientAddress } from '@/lib/limits/client-address';
import { hit, refund, type Verdict } from '@/lib/limits/rate-limit';
import { addressSources, limitFor, type LimitName } from '@/lib/limits/settings';
import { tooMany } from './limits';
import { errorResponse } from './result';

type Handler = (request: Request) => Promise<Response>;

/** better-auth's handler with the client's address attached, and its email sign-in limited. */
export function withLoginLimits(handler: Handler): Handler {
  return async (request) => {
    const address = clientAddress(request.headers, addressSources());
    const signIn = request.method === 'POST' && new URL(request.url).pathname.endsWith('/sign-in/email');
    // Read before the request is handed on: the new request takes over its body.
    const email = signIn ? await emailTried(request) : null;
    const headers = new Headers(request.headers);
    headers.set(CLIENT_ADDRESS_HEADER, address);
    const forwarded = new Request(request, { headers });
    if (!signIn) return handler(forwarded);

    const keys: [LimitName, string][] = [['login-address', address], ...(email ? [['login-account', email] as [LimitName, string]] : [])];
    const counted: { key: string; verdict: Verdict }[] = [];
    for (const [name, value] of keys) {
      const limit = limitFor(name);
      if (!limit) continue;
      const key = `${name}:${value}`;
      const verdict = await hit(db(), key, limit);
      if (!verdict.allowed) {
        const refusal = tooMany(name, limit.max, limit.windowSeconds, verdict.retryAfterSeconds);
        return errorResponse(refusal.error, refusal.headers);
      }
      counted.push({ key, verdict });
    }
    const response = await handler(forwarded);
    if (response.ok) await Promise.all(counted.map(({ key, verdict }) => refund(db(), key, verdict.windowStart)));
    return response;
  };
}

async function emailTried(request: Request): Promise<string | null> {
  try {
    const body: unknown = await request.clone().json();
    const email = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
    return typeof email === 'string' && email.trim() !== '' ? normaliseEmail(email).slice(0, 320) : null;
  } catch {
    return null;
  }
}
